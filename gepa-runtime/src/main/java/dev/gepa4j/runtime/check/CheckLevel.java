package dev.gepa4j.runtime.check;

/**
 * How much a check matters. {@code REQUIRED}: the optimizer cannot work without it (routes, shapes, the reward rule,
 * row counts); a failure makes the container not conformant and stops the check, since later routes depend on
 * earlier ones. {@code RECOMMENDED}: hygiene a container should have (refusing key fields in bodies, enforcing its
 * key, idempotent {@code rollout_id}, a task description); a failure is a warning and the check goes on.
 */
public enum CheckLevel {
    REQUIRED("required"),
    RECOMMENDED("recommended");

    private final String label;

    CheckLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
