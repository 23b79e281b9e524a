package dev.gepa4j.core.workspace;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the run's event feed.
 *
 * @param seq     order within the run, from 1; recording is idempotent by seq (a resumed run replays events)
 * @param type    dotted type, e.g. {@code candidate.accepted}, {@code frontier.updated}
 * @param message one line for people
 * @param fields  the event's values as text, for the console and for scripts
 */
public record EventRecord(long seq, Instant at, String type, String message, Map<String, String> fields) {
    public EventRecord {
        fields = Map.copyOf(fields);
    }
}
