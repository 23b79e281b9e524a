package dev.gepa4j.testkit.synthetic;

/**
 * The shape of a {@link SyntheticTask}.
 *
 * @param trainSize        rows in split {@code train}
 * @param testSize         rows in split {@code test} (the heldout split)
 * @param skillsPerExample distinct skills each example requires (1..12)
 * @param dataSeed         seed of the draw of each example's skills; the same seed gives the same data set
 * @param latencyMs        fixed time each rollout takes inside the container (0 for none; for benchmarks)
 */
public record SyntheticOptions(int trainSize, int testSize, int skillsPerExample, long dataSeed, long latencyMs) {
    public SyntheticOptions {
        if (trainSize < 1 || testSize < 0) {
            throw new IllegalArgumentException("need train >= 1 and test >= 0 rows, got " + trainSize + "/" + testSize);
        }
        if (skillsPerExample < 1 || skillsPerExample > SyntheticTask.ALL_SKILLS.size()) {
            throw new IllegalArgumentException("skills per example must be in 1.." + SyntheticTask.ALL_SKILLS.size()
                    + ", was " + skillsPerExample);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency must be >= 0 ms, was " + latencyMs);
        }
    }

    /** 16 train rows, 8 test rows, 2 skills each, data seed 7, no latency. */
    public static SyntheticOptions defaults() {
        return new SyntheticOptions(16, 8, 2, 7, 0);
    }

    public SyntheticOptions withLatencyMs(long ms) {
        return new SyntheticOptions(trainSize, testSize, skillsPerExample, dataSeed, ms);
    }

    public SyntheticOptions withSizes(int train, int test) {
        return new SyntheticOptions(train, test, skillsPerExample, dataSeed, latencyMs);
    }
}
