package dev.gepa4j.core.engine;

/**
 * Merge (crossover) scheduling.
 *
 * @param enabled     whether merges are attempted at all
 * @param maxAttempts the most merge attempts per run, accepted or not (each triplet is tried at most once)
 * @param sampleSize  train examples the merge gate compares the child on (examples both parents have scores on)
 */
public record MergeSettings(boolean enabled, int maxAttempts, int sampleSize) {
    public MergeSettings {
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("merge attempts must be >= 0, was " + maxAttempts);
        }
        if (sampleSize < 1) {
            throw new IllegalArgumentException("merge sample size must be >= 1, was " + sampleSize);
        }
    }

    public static MergeSettings off() {
        return new MergeSettings(false, 0, LoopDefaults.MERGE_SAMPLE_SIZE);
    }

    public static MergeSettings on(int maxAttempts) {
        return new MergeSettings(true, maxAttempts, LoopDefaults.MERGE_SAMPLE_SIZE);
    }
}
