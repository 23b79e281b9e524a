package dev.gepa4j.runtime.llm;

import dev.gepa4j.core.propose.ProposerUnavailableException;
import java.time.Duration;
import dev.gepa4j.core.rollout.RetryPolicy;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Retries retriable model-call failures (network errors, timeouts, 408/425/429/5xx) with the core's jittered
 * backoff ({@link RetryPolicy}), waiting at least what a Retry-After asks for (capped by
 * {@link LlmProposerSettings#maxRetryWait()}). Retrying stops when attempts reach {@code retries + 1} or when the
 * next wait would take the total waiting past {@link LlmProposerSettings#retryBudget()}, whichever comes first; the
 * default budget of 120 s outlasts a one-minute rate-limit window. The jitter comes from a generator seeded at
 * construction, shared (under a lock) by every thread using this client.
 *
 * <p>Outcomes: a reply; {@link ProposerUnavailableException} (retriable) when retries run out;
 * {@link ProposerUnavailableException} (not retriable) for 401/403/404 with a hint at the key variable or base URL;
 * {@link ModelCallException} (not retriable) for other refusals such as 400 and for answers that came back but
 * cannot be used (malformed, too large), which concern this request only and which the proposer records as a
 * rejected proposal.
 */
final class RetryingChatClient implements ChatClient {
    /** Seed of the jitter generator when the caller gives none. */
    static final long DEFAULT_JITTER_SEED = 0x9e3779b97f4a7c15L;
    private final ChatClient delegate;
    private final LlmProposerSettings settings;
    private final RetryPolicy policy;
    private final RandomGenerator jitter;

    RetryingChatClient(ChatClient delegate, LlmProposerSettings settings) {
        this(delegate, settings, DEFAULT_JITTER_SEED);
    }

    RetryingChatClient(ChatClient delegate, LlmProposerSettings settings, long jitterSeed) {
        this.delegate = delegate;
        this.settings = settings;
        this.policy = new RetryPolicy(settings.retries() + 1, settings.retryBaseDelay(),
                max(settings.retryBaseDelay(), settings.maxRetryWait()), settings.maxRetryWait());
        this.jitter = new SplittableRandom(jitterSeed);
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    @Override
    public ChatReply chat(String userMessage) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.chat(userMessage);
            } catch (ModelCallException e) {
                if (!e.retriable()) {
                    throw refusal(e);
                }
                Duration pause = pauseAfter(attempt, e);
                if (attempt >= policy.maxAttempts() || waited.plus(pause).compareTo(settings.retryBudget()) > 0) {
                    throw new ProposerUnavailableException("reflection model " + settings.model() + " at "
                            + settings.effectiveBaseUrl() + " still failing after " + attempt + " attempt(s) and "
                            + waited.toSeconds() + " s of waiting (retries = " + settings.retries()
                            + ", retry budget " + settings.retryBudget().toSeconds() + " s): " + e.getMessage()
                            + "; the endpoint may be overloaded or down, try again later", true, e);
                }
                sleep(pause);
                waited = waited.plus(pause);
            }
        }
    }

    private Duration pauseAfter(int attempt, ModelCallException e) {
        synchronized (jitter) {
            return policy.delayAfter(attempt, e.retryAfter(), jitter);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
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
