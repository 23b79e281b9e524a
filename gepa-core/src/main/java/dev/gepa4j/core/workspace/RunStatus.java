package dev.gepa4j.core.workspace;

/** Where a run stands. A run that is RUNNING in the workspace but has no live process crashed and can be resumed. */
public enum RunStatus {
    RUNNING, FINISHED, STOPPED, FAILED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
