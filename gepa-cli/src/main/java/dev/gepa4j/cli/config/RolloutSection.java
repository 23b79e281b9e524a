package dev.gepa4j.cli.config;

/**
 * {@code [rollout]}: how rollouts are fanned out.
 *
 * @param concurrency    initial concurrent rollouts; default 16
 * @param maxConcurrency upper bound for adaptive concurrency; default 64
 * @param minConcurrency lower bound; default 1
 * @param retries        attempts after the first for retriable failures; default 3
 * @param cache          {@code readwrite} (default), {@code readonly} or {@code off}
 * @param adaptive       adapt concurrency to overload signals; default true
 * @param reconnectSeconds how long a rollout keeps retrying while its container cannot be reached at all (refused or
 *                       dropped connections), e.g. during a restart; default 30
 * @param resendFailed   how many more times in one run a (candidate, example) pair whose rollout gave up after its
 *                       retries (timeouts, 5xx, unreachable) is sent again; non-retriable failures are never sent
 *                       again in the run; default 1
 */
public record RolloutSection(Integer concurrency, Integer maxConcurrency, Integer minConcurrency, Integer retries,
                             String cache, Boolean adaptive, Integer reconnectSeconds, Integer resendFailed) {
    public RolloutSection {
        concurrency = concurrency == null ? 16 : concurrency;
        maxConcurrency = maxConcurrency == null ? Math.max(64, concurrency) : maxConcurrency;
        minConcurrency = minConcurrency == null ? 1 : minConcurrency;
        retries = retries == null ? dev.gepa4j.core.rollout.RetryPolicy.defaults().maxAttempts() - 1 : retries;
        cache = cache == null ? "readwrite" : cache;
        adaptive = adaptive == null || adaptive;
        reconnectSeconds = reconnectSeconds == null ? 30 : reconnectSeconds;
        resendFailed = resendFailed == null ? 1 : resendFailed;
        if (reconnectSeconds < 0 || resendFailed < 0) {
            throw new IllegalArgumentException("[rollout] reconnect_seconds and resend_failed must be >= 0, were "
                    + reconnectSeconds + " and " + resendFailed);
        }
        if (concurrency < 1 || minConcurrency < 1 || maxConcurrency < concurrency || minConcurrency > concurrency) {
            throw new IllegalArgumentException("[rollout] needs 1 <= min_concurrency <= concurrency <= max_concurrency, got "
                    + minConcurrency + " / " + concurrency + " / " + maxConcurrency);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("[rollout] retries must be >= 0");
        }
    }
}
