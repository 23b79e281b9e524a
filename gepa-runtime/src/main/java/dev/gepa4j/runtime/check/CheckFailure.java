package dev.gepa4j.runtime.check;

/** A check found a violation; the message says what was wrong and what to fix. Ends the run. */
final class CheckFailure extends RuntimeException {
    CheckFailure(String message) {
        super(message);
    }
}
