package dev.gepa4j.runtime.llm;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * {@link ChatClient} over LangChain4j's {@link OpenAiChatModel} or {@link AnthropicChatModel}. LangChain4j's own
 * retries are off ({@code maxRetries(0)}): {@link RetryingChatClient} retries, so it can honour Retry-After.
 */
final class LangChainChatClient implements ChatClient {
    private final ChatModel model;
    private final String modelName;
    private final String baseUrl;
    private final String apiKey;

    private LangChainChatClient(ChatModel model, String modelName, String baseUrl, String apiKey) {
        this.model = model;
        this.modelName = modelName;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** A client for the settings; {@code apiKey} may be null for endpoints that need none. */
    static LangChainChatClient create(LlmProposerSettings s, String apiKey) {
        String url = s.effectiveBaseUrl();
        ChatModel model = switch (s.provider()) {
            case OPENAI -> {
                var b = OpenAiChatModel.builder().httpClientBuilder(new ModelHttpClientBuilder(s.maxAnswerBytes()))
                        .baseUrl(url).apiKey(apiKey == null ? "no-key-needed" : apiKey).modelName(s.model())
                        .temperature(s.temperature()).timeout(s.timeout()).maxRetries(0)
                        .logRequests(false).logResponses(false);
                // api.openai.com wants max_completion_tokens (reasoning models refuse max_tokens); compatible servers
                // (vLLM, Ollama, LM Studio) reliably understand max_tokens.
                yield (s.baseUrl() == null ? b.maxCompletionTokens(s.maxTokens()) : b.maxTokens(s.maxTokens())).build();
            }
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(new ModelHttpClientBuilder(s.maxAnswerBytes())).baseUrl(url).apiKey(apiKey)
                    .modelName(s.model()).temperature(s.temperature()).maxTokens(s.maxTokens()).timeout(s.timeout())
                    .maxRetries(0).build();
        };
        return new LangChainChatClient(model, s.model(), url, apiKey);
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public ChatReply chat(String userMessage) {
        ChatResponse response;
        try {
            response = model.chat(ChatRequest.builder().messages(UserMessage.from(userMessage)).build());
        } catch (RuntimeException e) {
            throw classify(e);
        }
        return ChatReply.of(response);
    }

    /**
     * Sorts a failure: answers that came back but cannot be used (malformed, too large, unparsable) concern this
     * request only and are not retried; error statuses carry their retriability; only timeouts and I/O errors with
     * no answer count as "cannot reach".
     */
    private ModelCallException classify(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AnswerTooLargeException big) {
                return new ModelCallException("model endpoint " + baseUrl + ": " + big.getMessage(), 200, false,
                        null, e);
            }
            if (t instanceof ModelHttpClient.MalformedAnswerException bad) {
                return new ModelCallException("model endpoint " + baseUrl + " " + redact(bad.getMessage())
                        + "; is base_url the model API (OpenAI-compatible servers usually end in /v1)?", bad.status(),
                        false, null, e);
            }
            if (t instanceof com.fasterxml.jackson.core.JacksonException json) {
                return new ModelCallException("model endpoint " + baseUrl + " answered with JSON that is not a chat "
                        + "completion: " + redact(Excerpts.oneLine(json.getOriginalMessage(), 300)), 200, false, null,
                        e);
            }
            if (t instanceof HttpException http) {
                Duration retryAfter = t instanceof ModelHttpClient.StatusException s ? s.retryAfter() : null;
                int status = http.statusCode();
                return new ModelCallException("model endpoint " + baseUrl + " answered HTTP " + status + ": "
                        + redact(Excerpts.oneLine(http.getMessage(), 300)), status,
                        ModelCallException.isRetriableStatus(status), retryAfter, e);
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                return new ModelCallException("model endpoint " + baseUrl + " timed out: "
                        + redact(String.valueOf(t.getMessage())), 0, true, null, e);
            }
            if (t instanceof IOException io) {
                return new ModelCallException("cannot reach model endpoint " + baseUrl + ": " + redact(String.valueOf(io)),
                        0, true, null, e);
            }
        }
        return new ModelCallException("model call to " + baseUrl + " failed: " + redact(String.valueOf(e)), 0, false,
                null, e);
    }

    private String redact(String text) {
        return apiKey == null || apiKey.isEmpty() || text == null ? text : text.replace(apiKey, "***");
    }
}
