package dev.gepa4j.runtime.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/**
 * Builds {@link ModelHttpClient}s for LangChain4j model builders. LangChain4j's {@code timeout(...)} reaches this
 * builder as both the connect and the read timeout; the client treats the read timeout as the deadline for the
 * whole answer.
 */
final class ModelHttpClientBuilder implements HttpClientBuilder {
    private final long maxAnswerBytes;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(120);

    ModelHttpClientBuilder(long maxAnswerBytes) {
        this.maxAnswerBytes = maxAnswerBytes;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        if (timeout != null) {
            this.connectTimeout = timeout;
        }
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        if (timeout != null) {
            this.readTimeout = timeout;
        }
        return this;
    }

    @Override
    public HttpClient build() {
        return new ModelHttpClient(connectTimeout, readTimeout, maxAnswerBytes);
    }
}
