package dev.gepa4j.core.rollout;

import dev.gepa4j.core.error.GepaException;

/** A rollout was needed that the cache does not hold, and the cache is read-only. Not retriable. */
public final class CacheMissException extends GepaException {
    public CacheMissException(String candidateId, String exampleId, String split) {
        super(FAILED, "cache is read-only and has no result for candidate " + candidateId + " on " + exampleId + " ("
                + split + "); run with cache mode readwrite to compute it");
    }
}
