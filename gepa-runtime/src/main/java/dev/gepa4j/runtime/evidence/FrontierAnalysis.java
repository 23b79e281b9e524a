package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.runtime.evidence.FrontierGrid.Cell;
import dev.gepa4j.runtime.evidence.FrontierGrid.CellKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays candidates in index order over the train examples to find the frontier, its coverage after each
 * candidate, and the kind of every grid cell. Only fully evaluated candidates (seed and gated children) join the
 * frontier; a child seen only on its minibatch shows its cells as wins or misses but never raises the frontier.
 */
final class FrontierAnalysis {
    private final List<String> exampleIds;
    private final List<FrontierGrid.Row> rows = new ArrayList<>();
    private final List<Integer> coverageByIndex = new ArrayList<>();
    private final Map<String, Integer> newSeeds = new HashMap<>();
    private final Map<String, Integer> wins = new HashMap<>();
    private final Set<String> members = new LinkedHashSet<>();
    private int covered;

    private FrontierAnalysis(List<String> exampleIds) {
        this.exampleIds = List.copyOf(exampleIds);
    }

    static FrontierAnalysis of(List<Candidate> byIndex, Map<String, CandidateResults> results,
                               List<String> exampleIds) {
        FrontierAnalysis a = new FrontierAnalysis(exampleIds);
        a.replay(byIndex, results);
        return a;
    }

    private void replay(List<Candidate> byIndex, Map<String, CandidateResults> results) {
        Map<String, Double> bestSoFar = new HashMap<>();
        for (Candidate c : byIndex) {
            CandidateResults r = results.getOrDefault(c.id(), new CandidateResults());
            List<Cell> cells = new ArrayList<>();
            int raised = 0;
            for (String example : exampleIds) {
                RolloutRecord rollout = r.train().get(example);
                if (rollout == null) {
                    cells.add(new Cell(example, CellKind.UNMEASURED, null, 0));
                    continue;
                }
                double reward = rollout.result().reward();
                double previous = bestSoFar.getOrDefault(example, 0.0);
                CellKind kind = reward <= 0 ? CellKind.MISS : CellKind.WIN;
                if (r.fullTrain() && reward > previous) {
                    kind = CellKind.NEW;
                    bestSoFar.put(example, reward);
                    raised++;
                }
                cells.add(new Cell(example, kind, reward, rollout.seq()));
            }
            rows.add(new FrontierGrid.Row(c.id(), c.index(), cells));
            newSeeds.put(c.id(), raised);
            coverageByIndex.add((int) bestSoFar.values().stream().filter(v -> v > 0).count());
        }
        covered = (int) bestSoFar.values().stream().filter(v -> v > 0).count();
        for (Candidate c : byIndex) {
            CandidateResults r = results.get(c.id());
            if (r == null || !r.fullTrain()) {
                continue;
            }
            int held = 0;
            for (Map.Entry<String, Double> best : bestSoFar.entrySet()) {
                RolloutRecord rollout = r.train().get(best.getKey());
                if (best.getValue() > 0 && rollout != null && rollout.result().reward() == best.getValue()) {
                    held++;
                }
            }
            wins.put(c.id(), held);
            if (held > 0) {
                members.add(c.id());
            }
        }
    }

    List<String> exampleIds() {
        return exampleIds;
    }

    int newSeeds(String candidateId) {
        return newSeeds.getOrDefault(candidateId, 0);
    }

    int wins(String candidateId) {
        return wins.getOrDefault(candidateId, 0);
    }

    FrontierSummary summary() {
        return new FrontierSummary(covered, exampleIds.size(), List.copyOf(members), coverageByIndex);
    }

    FrontierGrid grid() {
        return new FrontierGrid(exampleIds, rows);
    }
}
