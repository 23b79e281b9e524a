package dev.gepa4j.sdk;

/**
 * One step of a rollout's trace ({@code trace.event_history[]}).
 *
 * @param type     what kind of step it is, such as input, prediction, tool_call or verdict
 * @param text     the step's text
 * @param moduleId the candidate field (the {@code module_id} of {@code GET /program}) that shaped this step, or
 *                 null when the step belongs to no one field; sent as {@code module_id} only when present, so that
 *                 a proposer rewriting one field can be shown the steps of that field
 */
public record TraceEvent(String type, String text, String moduleId) {

    /** A step that belongs to no one field. */
    public TraceEvent(String type, String text) {
        this(type, text, null);
    }

    /** A step shaped by the candidate field {@code moduleId}. */
    public static TraceEvent of(String moduleId, String type, String text) {
        return new TraceEvent(type, text, moduleId);
    }
}
