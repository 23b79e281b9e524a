package dev.gepa4j.core.propose;

import dev.gepa4j.core.model.VerifierResult;

/**
 * One example the parent got wrong (or only partly right) on its minibatch: what went in, what came out, what the
 * verifier said, and the rollout's trace as it was stored.
 *
 * <p>The trace is the stored JSON document, already bounded by the container client's trace cap but not cut to
 * prompt size: a proposer decides what part of it to show for the field it rewrites (the runtime's
 * {@code dev.gepa4j.runtime.reflection} package keeps the steps tagged with that field and bounds every excerpt).
 * {@link #traceExcerpt()} is the plain head-and-tail cut for proposers that do not look inside.
 *
 * @param trace the stored trace JSON ({@code "{}"} when the container sent none)
 * @param error what went wrong when the rollout failed inside the container, else null
 */
public record FailureCase(String exampleId, String input, String output, double reward, VerifierResult verifier,
                         String trace, String error) {
    /** The longest plain trace excerpt {@link #traceExcerpt()} returns, in characters. */
    public static final int MAX_TRACE_CHARS = 2_000;

    public FailureCase {
        trace = trace == null ? "" : trace;
        input = input == null ? "" : input;
        output = output == null ? "" : output;
        verifier = verifier == null ? VerifierResult.NONE : verifier;
    }

    /** A case whose rollout ended without an error. */
    public FailureCase(String exampleId, String input, String output, double reward, VerifierResult verifier,
                       String trace) {
        this(exampleId, input, output, reward, verifier, trace, null);
    }

    /** The error (if any) and the trace, cut to {@link #MAX_TRACE_CHARS} keeping head and tail. */
    public String traceExcerpt() {
        return excerpt(error == null ? trace : error + "\n" + trace, MAX_TRACE_CHARS);
    }

    /** Keeps the head and tail of a long text, so the start and the final answer of a trace both survive. */
    public static String excerpt(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int half = (max - 40) / 2;
        return text.substring(0, half) + "\n... [" + (text.length() - 2 * half) + " chars cut] ...\n"
                + text.substring(text.length() - half);
    }
}
