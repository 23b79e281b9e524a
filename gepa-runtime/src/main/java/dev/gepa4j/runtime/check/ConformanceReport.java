package dev.gepa4j.runtime.check;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a conformance check, checks in the order they ran. Conformant only if every check passed and
 * the run reached the end (a failed check is always the last one).
 */
public record ConformanceReport(String url, List<CheckResult> checks) {
    public ConformanceReport {
        checks = List.copyOf(checks);
    }

    public boolean conformant() {
        return !checks.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    }

    /** The check that failed, if any. */
    public Optional<CheckResult> firstViolation() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
