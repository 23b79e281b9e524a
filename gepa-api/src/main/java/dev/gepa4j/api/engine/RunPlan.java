package dev.gepa4j.api.engine;

import dev.gepa4j.core.engine.LoopConfig;
import dev.gepa4j.core.engine.LoopPolicies;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.secret.Secrets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@link RunEngine} needs to run (or resume) one run, resolved: no config file, no defaults left to fill.
 *
 * @param runId             the run's id in the workspace
 * @param workspaceDir      the workspace folder (created when missing)
 * @param resume            continue the stored run {@code runId}, replaying its journal, instead of starting it
 * @param task              the task, its containers and rows
 * @param maxRollouts       the rollout budget, heldout included (the test split has a budget of its own)
 * @param maxContainerCalls cap on container calls (every attempt); {@link RolloutBudget#NO_CALL_CAP} for none
 * @param seed              the seed of every random choice of the run
 * @param loop              the loop's settings (mode, minibatch, lanes, staleness, merge, heldout top-k)
 * @param policies          parent, minibatch, field and acceptance policies and the stop conditions
 * @param policy            which model the task's program runs under (part of every rollout's cache key)
 * @param rollout           how the queue sends rollouts
 * @param proposer          the proposer, already guarded (see {@code GuardedProposer})
 * @param secrets           values scrubbed from everything the workspace stores
 * @param specJson          the resolved run spec stored with the run (what {@code gepa resume} rebuilds it from);
 *                          empty when the caller keeps its own way to rebuild the run (the library API)
 * @param workspace         the workspace to open: a folder, or a {@code postgresql://} URL (then {@code workspaceDir}
 *                          is only the folder for local files: the stop file, agent folders, the evidence packets);
 *                          null for {@code workspaceDir} itself
 */
public record RunPlan(String runId, Path workspaceDir, boolean resume, RunTask task, long maxRollouts,
                      long maxContainerCalls, long seed, LoopConfig loop, LoopPolicies policies, PolicySpec policy,
                      RolloutSettings rollout, Proposer proposer, Secrets secrets, String specJson, String workspace) {
    public RunPlan {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rollout, "rollout");
        Objects.requireNonNull(proposer, "proposer");
        secrets = secrets == null ? Secrets.none() : secrets;
        specJson = specJson == null ? "" : specJson;
        workspace = workspace == null ? workspaceDir.toString() : workspace;
    }

    /** A plan whose workspace is the folder {@code workspaceDir}. */
    public RunPlan(String runId, Path workspaceDir, boolean resume, RunTask task, long maxRollouts,
                   long maxContainerCalls, long seed, LoopConfig loop, LoopPolicies policies, PolicySpec policy,
                   RolloutSettings rollout, Proposer proposer, Secrets secrets, String specJson) {
        this(runId, workspaceDir, resume, task, maxRollouts, maxContainerCalls, seed, loop, policies, policy, rollout,
                proposer, secrets, specJson, null);
    }
}
