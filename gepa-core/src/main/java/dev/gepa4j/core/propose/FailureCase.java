package dev.gepa4j.core.propose;

import dev.gepa4j.core.model.VerifierResult;

/**
 * One example the parent got wrong (or only partly right) on its minibatch: what went in, what came out, what the
 * verifier said, and a bounded excerpt of the trace.
 *
 * @param traceExcerpt at most a few kilobytes of the trace, cut in the middle with a marker when longer
 */
public record FailureCase(String exampleId, String input, String output, double reward, VerifierResult verifier,
                          String traceExcerpt) {
    /** The longest trace excerpt a packet carries, in characters. */
    public static final int MAX_TRACE_CHARS = 2_000;

    public FailureCase {
        traceExcerpt = excerpt(traceExcerpt == null ? "" : traceExcerpt, MAX_TRACE_CHARS);
        input = input == null ? "" : input;
        output = output == null ? "" : output;
        verifier = verifier == null ? VerifierResult.NONE : verifier;
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
