package dev.gepa4j.runtime.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.ContractCodec;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a conformance check, checks in the order they ran. Conformant when every required check passed
 * (the run then reached the end: a failed required check is always the last one); failed recommended checks are
 * warnings, which {@code strict} turns into failures.
 */
public record ConformanceReport(String url, List<CheckResult> checks) {
    public ConformanceReport {
        checks = List.copyOf(checks);
    }

    /** Every required check passed. */
    public boolean conformant() {
        return !checks.isEmpty() && checks.stream().noneMatch(CheckResult::violation);
    }

    /** Conformant, and with {@code strict} also free of warnings. */
    public boolean conformant(boolean strict) {
        return conformant() && (!strict || warnings().isEmpty());
    }

    /** The failed recommended checks. */
    public List<CheckResult> warnings() {
        return checks.stream().filter(CheckResult::warning).toList();
    }

    /** The required check that failed, if any. */
    public Optional<CheckResult> firstViolation() {
        return checks.stream().filter(CheckResult::violation).findFirst();
    }

    /** 0 when conformant (warnings allowed unless {@code strict}), else 1. */
    public int exitCode(boolean strict) {
        return conformant(strict) ? 0 : 1;
    }

    /**
     * The last line of a check: {@code conformant}, {@code conformant with N warning(s)}, or {@code not conformant:}
     * and the first required failure (with {@code strict}, the first warning when no required check failed).
     */
    public String verdict(boolean strict) {
        Optional<CheckResult> violation = firstViolation();
        if (violation.isPresent()) {
            return "not conformant: " + violation.get().name() + ": " + violation.get().detail();
        }
        if (checks.isEmpty()) {
            return "not conformant: no check ran";
        }
        List<CheckResult> warnings = warnings();
        if (warnings.isEmpty()) {
            return "conformant";
        }
        if (strict) {
            CheckResult first = warnings.getFirst();
            return "not conformant (--strict turns warnings into failures): " + first.name() + ": " + first.detail();
        }
        return "conformant with " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings");
    }

    /**
     * The machine report: {@code url}, {@code conformant}, {@code strict}, {@code verdict}, {@code warnings} (a
     * count) and {@code checks}, each with {@code id}, {@code name}, {@code level}, {@code passed} (false only for a
     * failure), {@code skipped} and {@code message}.
     */
    public String toJson(boolean strict) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("url", url).put("conformant", conformant(strict)).put("strict", strict)
                .put("verdict", verdict(strict)).put("warnings", warnings().size());
        ArrayNode list = root.putArray("checks");
        for (CheckResult c : checks) {
            list.addObject().put("id", c.id()).put("name", c.name()).put("level", c.level().label())
                    .put("passed", c.passed()).put("skipped", c.outcome() == CheckResult.Outcome.SKIPPED)
                    .put("message", c.detail());
        }
        return ContractCodec.writeTree(root);
    }
}
