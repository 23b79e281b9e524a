package dev.gepa4j.runtime.check;

import java.util.Objects;

/**
 * One conformance check.
 *
 * @param id      a stable machine name, e.g. {@code metadata.gepa_contract}
 * @param name    what was checked, e.g. {@code GET /metadata declares the gepa contract}
 * @param level   required or recommended
 * @param outcome passed, failed, or skipped (could not be checked with what was given)
 * @param detail  what was seen when it passed; what was wrong and what to change when it failed; why it was skipped
 */
public record CheckResult(String id, String name, CheckLevel level, Outcome outcome, String detail) {
    /** How a check ended. */
    public enum Outcome { PASSED, FAILED, SKIPPED }

    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    /** False only for a failed check; a skipped one did not fail. */
    public boolean passed() {
        return outcome != Outcome.FAILED;
    }

    /** A failed recommended check. */
    public boolean warning() {
        return outcome == Outcome.FAILED && level == CheckLevel.RECOMMENDED;
    }

    /** A failed required check. */
    public boolean violation() {
        return outcome == Outcome.FAILED && level == CheckLevel.REQUIRED;
    }

    /** One line for a terminal: {@code ok}, {@code FAIL} (required), {@code WARN} (recommended) or {@code skip}. */
    public String line() {
        String tag = switch (outcome) {
            case PASSED -> "ok    ";
            case SKIPPED -> "skip  ";
            case FAILED -> level == CheckLevel.REQUIRED ? "FAIL  " : "WARN  ";
        };
        return tag + name + (detail.isEmpty() ? "" : ": " + detail);
    }
}
