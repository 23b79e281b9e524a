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
 * a {@link PolicyModelException}. The server's own words are kept (first line, bounded) except on a refused key,
 * where servers tend to echo part of the key; the key itself is cut from any message. Everything else is the
 * wrapped model's.
 */
final class ExplainingChatModel implements ChatModel {
    private final ChatModel delegate;
    private final PolicyModelChoice choice;
    private final String key;

    /** {@code key}: the key the model sends, or null; never shown. */
    ExplainingChatModel(ChatModel delegate, PolicyModelChoice choice, String key) {
        this.delegate = delegate;
        this.choice = choice;
        this.key = key == null || key.isBlank() ? null : key;
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
        String cause = e instanceof AuthenticationException ? "the server refused the key"
                : e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
        if (key != null) {
            cause = cause.replace(key, "[key]");
        }
        String message = "policy model " + choice.describe() + " failed: " + cause + " (" + hint + ")";
        // a refused key's exception is not kept as the cause: its text may quote part of the key
        return e instanceof AuthenticationException ? new PolicyModelException(message)
                : new PolicyModelException(message, e);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
