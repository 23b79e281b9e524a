package dev.gepa4j.runtime.llm;

import dev.gepa4j.core.propose.ProposerUnavailableException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries retriable model-call failures with exponential backoff and jitter, waiting what a Retry-After asks for
 * (capped by {@link LlmProposerSettings#maxRetryWait()}).
 *
 * <p>Outcomes: a reply; {@link ProposerUnavailableException} (retriable) when retries run out;
 * {@link ProposerUnavailableException} (not retriable) for 401/403/404 with a hint at the key variable or base URL;
 * {@link ModelCallException} (not retriable) for other refusals such as 400, which concern this request only and
 * which the proposer records as a rejected proposal.
 */
final class RetryingChatClient implements ChatClient {
    private final ChatClient delegate;
    private final LlmProposerSettings settings;

    RetryingChatClient(ChatClient delegate, LlmProposerSettings settings) {
        this.delegate = delegate;
        this.settings = settings;
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    @Override
    public ChatReply chat(String userMessage) {
        int attempts = settings.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.chat(userMessage);
            } catch (ModelCallException e) {
                if (!e.retriable()) {
                    throw refusal(e);
                }
                if (attempt >= attempts) {
                    throw new ProposerUnavailableException("reflection model " + settings.model() + " at "
                            + settings.effectiveBaseUrl() + " still failing after " + attempts + " attempts: "
                            + e.getMessage() + "; the endpoint may be overloaded or down, try again later", true, e);
                }
                sleep(waitBefore(attempt, e));
            }
        }
    }

    private Duration waitBefore(int attempt, ModelCallException e) {
        Duration cap = settings.maxRetryWait();
        Duration asked = e.retryAfter().orElse(null);
        if (asked != null) {
            return asked.compareTo(cap) > 0 ? cap : asked;
        }
        long base = settings.retryBaseDelay().toMillis() << Math.min(attempt - 1, 16);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(jittered, cap.toMillis()));
    }

    private RuntimeException refusal(ModelCallException e) {
        String keyHint = settings.apiKeyEnv() == null
                ? "no api_key_env is set in [proposer]; set it to the name of the variable holding the key"
                : "check the key in environment variable " + settings.apiKeyEnv() + " (api_key_env)";
        return switch (e.httpStatus()) {
            case 401, 403 -> new ProposerUnavailableException("reflection model endpoint " + settings.effectiveBaseUrl()
                    + " refused the credentials (HTTP " + e.httpStatus() + "): " + keyHint, false, e);
            case 404 -> new ProposerUnavailableException("reflection model endpoint " + settings.effectiveBaseUrl()
                    + " answered 404: check base_url (OpenAI-compatible servers usually end in /v1) and that model '"
                    + settings.model() + "' exists there", false, e);
            default -> e;
        };
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ProposerUnavailableException("interrupted while waiting to retry the reflection model", true, ie);
        }
    }
}
