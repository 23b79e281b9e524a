package dev.gepa4j.runtime.container;

import java.io.IOException;

/**
 * A container's response body is larger than the configured cap. Thrown before more than the cap is read, so the
 * size is exact when the container declared it ({@code Content-Length}) and a lower bound otherwise. Retrying cannot
 * help: the container answers the same request the same way.
 */
public final class BodyTooLargeException extends IOException {
    private final long size;
    private final boolean exact;
    private final long cap;

    public BodyTooLargeException(long size, boolean exact, long cap) {
        super("the response body is " + (exact ? "" : "more than ") + size + " bytes, over the cap of " + cap
                + " bytes");
        this.size = size;
        this.exact = exact;
        this.cap = cap;
    }

    /** The body's size in bytes: exact when {@link #exact()}, else how much had arrived when reading stopped. */
    public long size() {
        return size;
    }

    public boolean exact() {
        return exact;
    }

    public long cap() {
        return cap;
    }
}
