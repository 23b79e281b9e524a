package dev.gepa4j.core.engine;

import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.RunRecorder;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends each event to the workspace (persistent ones, numbered from 1) and then to every listener. In serial mode the
 * numbering is the same on every run with the same seed, which is what lets a resumed run's replayed events be
 * recognised and ignored by the workspace. A listener that throws is logged and skipped.
 */
final class EventLog {
    private static final System.Logger LOG = System.getLogger(EventLog.class.getName());
    private final RunRecorder recorder;
    private final List<RunListener> listeners;
    private final Clock clock;
    private final AtomicLong seq = new AtomicLong();

    EventLog(RunRecorder recorder, List<RunListener> listeners, Clock clock) {
        this.recorder = recorder;
        this.listeners = listeners;
        this.clock = clock;
    }

    synchronized void emit(RunEvent event) {
        if (event.persistent()) {
            recorder.recordEvent(new EventRecord(seq.incrementAndGet(), clock.instant(), event.type(), event.message(),
                    event.fields()));
        }
        for (RunListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "run listener " + l.getClass().getName() + " failed on "
                        + event.type() + "; dropped: " + e);
            }
        }
    }
}
