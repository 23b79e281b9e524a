package dev.gepa4j.api.engine;

import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.WorkspaceReader;

/**
 * What a run's earlier processes spent of its optimization budget, for the budget of the process that resumes it. The
 * recorder counts every measured journal row and every container call of the run, the test evaluation's included;
 * the test evaluation runs on a budget of its own ({@code rollouts.test} in the packet), so its rows and calls are
 * taken out here. Without this, a run killed during its test evaluation came back with the test rollouts already
 * done charged to {@code max_rollouts} (and to {@code max_container_calls}).
 *
 * @param rollouts measured rollouts the optimization used (what {@code max_rollouts} counts)
 * @param calls    container calls the optimization made (what {@code max_container_calls} counts)
 */
record ResumedSpending(long rollouts, long calls) {

    /** The optimization's spending so far: the recorder's totals less the run's test-stage rows. */
    static ResumedSpending of(RunRecorder recorder, WorkspaceReader reader, String runId) {
        long testRollouts = 0;
        long testCalls = 0;
        for (RolloutRecord r : reader.rollouts(runId, 0)) {
            if (r.stage() == Stage.TEST) {
                testCalls += r.result().attempts();
                testRollouts += r.result().status() == RolloutStatus.ERROR ? 0 : 1;
            }
        }
        return new ResumedSpending(recorder.usedInRun() - testRollouts, recorder.containerCallsInRun() - testCalls);
    }

    /** The optimization budget of the resumed process: {@code maxRollouts} and {@code callCap}, less what was spent. */
    RolloutBudget budget(long maxRollouts, long callCap) {
        return new RolloutBudget(maxRollouts, rollouts, callCap, calls);
    }
}
