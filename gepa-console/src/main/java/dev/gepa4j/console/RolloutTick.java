package dev.gepa4j.console;

import dev.gepa4j.core.workspace.RolloutRecord;

/** A finished rollout as the live feed announces it (no texts: the page asks for a rollout's detail on a click). */
public record RolloutTick(long seq, String candidateId, String exampleId, String stage, String status, double reward,
                          boolean cached, String finishedAt) {
    static RolloutTick of(RolloutRecord r) {
        return new RolloutTick(r.seq(), r.result().candidateId(), r.result().example().exampleId(), r.stage().label(),
                r.result().status().name().toLowerCase(java.util.Locale.ROOT), r.result().reward(), r.result().cached(),
                r.finishedAt() == null ? null : r.finishedAt().toString());
    }
}
