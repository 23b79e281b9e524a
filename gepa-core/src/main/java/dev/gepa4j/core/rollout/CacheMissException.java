package dev.gepa4j.core.rollout;

/** A rollout was needed that the cache does not hold, and the cache is read-only. Not retriable. */
public final class CacheMissException extends RuntimeException {
    public CacheMissException(String candidateId, String exampleId, String split) {
        super("cache is read-only and has no result for candidate " + candidateId + " on " + exampleId + " ("
                + split + "); run with cache mode readwrite to compute it");
    }
}
