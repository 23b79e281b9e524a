package dev.gepa4j.runtime.check;

import java.util.Objects;

/**
 * One conformance check.
 *
 * @param name   what was checked, e.g. {@code GET /metadata declares the gepa contract}
 * @param passed whether the container conforms here
 * @param detail what was seen when it passed; what was wrong and how to fix it when it failed
 */
public record CheckResult(String name, boolean passed, String detail) {
    public CheckResult {
        Objects.requireNonNull(name, "name");
        detail = detail == null ? "" : detail;
    }

    /** One line for a terminal: {@code ok   name: detail} or {@code FAIL name: detail}. */
    public String line() {
        return (passed ? "ok    " : "FAIL  ") + name + (detail.isEmpty() ? "" : ": " + detail);
    }
}
