package dev.gepa4j.sdk;

/** One step of a rollout's trace ({@code trace.event_history[]}): a type such as input or prediction, and text. */
public record TraceEvent(String type, String text) {
}
