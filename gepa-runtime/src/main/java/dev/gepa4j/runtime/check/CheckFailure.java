package dev.gepa4j.runtime.check;

import dev.gepa4j.core.error.GepaException;

/** A check found a violation; the message says what was wrong and what to fix. Ends the run. */
final class CheckFailure extends GepaException {
    CheckFailure(String message) {
        super(FAILED, message);
    }
}
