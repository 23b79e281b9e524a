package dev.gepa4j.runtime.llm;

import dev.gepa4j.core.error.GepaException;

/**
 * A model answer larger than {@code max_answer_kb}: refused from its declared Content-Length, or cut off once the
 * streamed body passed the cap. Nothing beyond the cap was read.
 */
final class AnswerTooLargeException extends GepaException {
    AnswerTooLargeException(String message) {
        super(FAILED, message);
    }
}
