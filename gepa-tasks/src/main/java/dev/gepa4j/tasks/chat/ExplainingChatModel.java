package dev.gepa4j.tasks.chat;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Set;

/**
 * A chat model whose failures say which policy model failed and what to check: every exception from a call becomes
 * a {@link PolicyModelException}. Everything else is the wrapped model's.
 */
final class ExplainingChatModel implements ChatModel {
    private final ChatModel delegate;
    private final PolicyModelChoice choice;

    ExplainingChatModel(ChatModel delegate, PolicyModelChoice choice) {
        this.delegate = delegate;
        this.choice = choice;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        try {
            return delegate.chat(request);
        } catch (RuntimeException e) {
            throw explain(e);
        }
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return chat(request);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    private PolicyModelException explain(RuntimeException e) {
        String hint = switch (e) {
            case AuthenticationException a -> "the server refused the key: set " + PolicyModels.API_KEY_ENV
                    + " in the container's environment";
            case ModelNotFoundException m -> "the server does not know this model: set [policy] model or "
                    + PolicyModels.MODEL_ENV;
            case RateLimitException r -> "the server is rate limiting: lower the run's concurrency or retry later";
            case TimeoutException t -> "the call timed out: is the server overloaded?";
            default -> "check that the server is running and that [policy] base_url or " + PolicyModels.BASE_URL_ENV
                    + " points at it";
        };
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new PolicyModelException("policy model " + choice.describe() + " failed: " + firstLine(cause) + " ("
                + hint + ")", e);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
