package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.workspace.EventRecord;
import java.util.Map;

/** An event line as the console and report show it (time as ISO-8601 text). */
public record EventView(long seq, String at, String type, String message, Map<String, String> fields) {
    public static EventView of(EventRecord e) {
        return new EventView(e.seq(), e.at() == null ? null : e.at().toString(), e.type(), e.message(), e.fields());
    }
}
