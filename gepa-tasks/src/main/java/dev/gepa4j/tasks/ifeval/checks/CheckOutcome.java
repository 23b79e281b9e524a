package dev.gepa4j.tasks.ifeval.checks;

/**
 * What one checker found.
 *
 * @param followed whether the response followed the instruction
 * @param measured what was asked and what was measured, in words, e.g. {@code asked for no commas, found 4};
 *                 written for the proposer, so it says enough to fix the failure
 */
public record CheckOutcome(boolean followed, String measured) {

    static CheckOutcome of(boolean followed, String measured) {
        return new CheckOutcome(followed, measured);
    }
}
