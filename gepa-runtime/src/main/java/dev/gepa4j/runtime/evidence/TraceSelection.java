package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.workspace.RolloutRecord;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks the best candidate's telling rollouts for {@link EvidencePacket.Traces}. */
final class TraceSelection {
    static final int MAX_CHARS = 4000;

    private TraceSelection() {
    }

    static EvidencePacket.Traces of(RunData data, String seedId, String bestId) {
        if (bestId == null) {
            return new EvidencePacket.Traces(List.of(), List.of());
        }
        Map<String, RolloutRecord> best = latestByExample(data, bestId);
        Map<String, RolloutRecord> seed = latestByExample(data, seedId);
        List<RolloutDetail> details = best.entrySet().stream().map(e -> {
            RolloutRecord s = seed.get(e.getKey());
            return RolloutDetail.of(e.getValue(), s == null ? null : s.result().reward(), MAX_CHARS);
        }).toList();
        Comparator<RolloutDetail> byGain = Comparator.comparingDouble(TraceSelection::gain);
        List<RolloutDetail> wins = details.stream().filter(d -> d.reward() > 0)
                .sorted(byGain.reversed().thenComparing(RolloutDetail::seq))
                .limit(EvidencePacket.Traces.LIMIT).toList();
        List<RolloutDetail> losses = details.stream().filter(d -> d.reward() < 1)
                .sorted(byGain.thenComparingDouble(RolloutDetail::reward).thenComparing(RolloutDetail::seq))
                .limit(EvidencePacket.Traces.LIMIT).toList();
        return new EvidencePacket.Traces(wins, losses);
    }

    private static double gain(RolloutDetail d) {
        return d.seedReward() == null ? 0 : d.reward() - d.seedReward();
    }

    /** Latest measured rollout per (split, example) of a candidate. */
    private static Map<String, RolloutRecord> latestByExample(RunData data, String candidateId) {
        Map<String, RolloutRecord> out = new LinkedHashMap<>();
        for (RolloutRecord r : data.rollouts()) {
            if (r.result().candidateId().equals(candidateId) && r.result().measured()) {
                out.put(r.result().example().split().label() + "/" + r.result().example().exampleId(), r);
            }
        }
        return out;
    }
}
