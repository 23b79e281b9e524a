package dev.gepa4j.runtime.check;

import dev.gepa4j.runtime.container.ContainerAuth;
import dev.gepa4j.runtime.container.RolloutSubmission;
import dev.gepa4j.runtime.container.SubmissionMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks a container against the gepa contract, route by route, with real requests: health, the metadata's
 * contract declaration, task info, the program (mutable fields covered by the seed candidate), the data set (or
 * taskset), rows for several seeds, a real rollout of the container's own seed candidate on the first train and the
 * first heldout example (in the container's submission mode: async containers are polled), then the recommended
 * hygiene: an idempotent repeat of a rollout_id, refusal of a body carrying an api_key field, enforcement of the
 * container's key, a task description.
 *
 * <p>Each check is {@link CheckLevel#REQUIRED required} or {@link CheckLevel#RECOMMENDED recommended}; the run stops
 * at the first failed required check. Never throws for a misbehaving container: every problem is a failed check.
 */
public final class ConformanceCheck {
    private final String url;
    private final String apiKey;
    private final String trainSplit;
    private final String heldoutSplit;
    private final Duration timeout;
    private final ContainerAuth auth;
    private final SubmissionMode submission;
    private final Duration pollInterval;

    /**
     * @param apiKey  sent as X-API-Key when not null (never printed)
     * @param timeout how long one request may take, and how long an async rollout may run
     */
    public ConformanceCheck(String url, String apiKey, String trainSplit, String heldoutSplit, Duration timeout) {
        this(url, apiKey, trainSplit, heldoutSplit, timeout, ContainerAuth.X_API_KEY, SubmissionMode.AUTO,
                RolloutSubmission.DEFAULT_POLL_INTERVAL);
    }

    private ConformanceCheck(String url, String apiKey, String trainSplit, String heldoutSplit, Duration timeout,
                             ContainerAuth auth, SubmissionMode submission, Duration pollInterval) {
        String u = url.trim();
        this.url = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        this.apiKey = apiKey;
        this.trainSplit = trainSplit;
        this.heldoutSplit = heldoutSplit;
        this.timeout = timeout;
        this.auth = auth;
        this.submission = submission;
        this.pollInterval = pollInterval;
    }

    /** Splits train and test, 30 s per request, no key, the container's own submission mode. */
    public static ConformanceCheck of(String url) {
        return new ConformanceCheck(url, null, "train", "test", Duration.ofSeconds(30));
    }

    /** The same check sending the key as {@code how} says. */
    public ConformanceCheck withAuth(ContainerAuth how) {
        return new ConformanceCheck(url, apiKey, trainSplit, heldoutSplit, timeout, how, submission, pollInterval);
    }

    /** The same check running rollouts in {@code mode} ({@code AUTO}: as {@code /metadata} declares). */
    public ConformanceCheck withSubmission(SubmissionMode mode) {
        return new ConformanceCheck(url, apiKey, trainSplit, heldoutSplit, timeout, auth, mode, pollInterval);
    }

    /** The same check polling async rollouts every {@code interval}. */
    public ConformanceCheck withPollInterval(Duration interval) {
        return new ConformanceCheck(url, apiKey, trainSplit, heldoutSplit, timeout, auth, submission, interval);
    }

    public ConformanceReport run() {
        return run(result -> { });
    }

    /** Runs the checks, handing each result to {@code onEach} as soon as it is known. */
    public ConformanceReport run(Consumer<CheckResult> onEach) {
        List<CheckResult> results = new ArrayList<>();
        Consumer<CheckResult> record = r -> {
            results.add(r);
            onEach.accept(r);
        };
        try (CheckHttp http = new CheckHttp(url, apiKey, auth, timeout)) {
            new CheckSteps(new CheckSteps.Settings(url, apiKey, auth, trainSplit, heldoutSplit, timeout, submission,
                    pollInterval), http, record).all();
        } catch (CheckFailure stop) {
            // already recorded as the failed check
        } catch (IllegalArgumentException badUrl) {
            record.accept(new CheckResult("url", "URL", CheckLevel.REQUIRED, CheckResult.Outcome.FAILED, "'" + url
                    + "' is not a usable URL (" + badUrl.getMessage() + "): pass something like http://127.0.0.1:8080"));
        }
        return new ConformanceReport(url, results);
    }
}
