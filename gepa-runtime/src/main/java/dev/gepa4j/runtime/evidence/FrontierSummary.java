package dev.gepa4j.runtime.evidence;

import java.util.List;

/**
 * The frontier now and how it grew.
 *
 * @param covered          train examples whose best reward is above 0
 * @param total            train examples seen in the run
 * @param members          candidate ids holding the best reward on a covered example, by index
 * @param coverageByIndex  covered count after each candidate (entry i = after the candidate with index i); a
 *                         candidate that is not on the frontier repeats the previous value
 */
public record FrontierSummary(int covered, int total, List<String> members, List<Integer> coverageByIndex) {
    public FrontierSummary {
        members = List.copyOf(members);
        coverageByIndex = List.copyOf(coverageByIndex);
    }

    /** "49/56", as people read coverage. */
    public String label() {
        return covered + "/" + total;
    }
}
