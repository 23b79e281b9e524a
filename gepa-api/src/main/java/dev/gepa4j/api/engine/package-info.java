/**
 * The run engine shared by the {@code gepa} command and the library API: {@link dev.gepa4j.api.engine.RunEngine}
 * runs a resolved {@link dev.gepa4j.api.engine.RunPlan} (task and rows, budget, loop settings and policies, rollout
 * settings, proposer) under a {@link dev.gepa4j.api.engine.RunWatch} (console, progress, clean stop on a signal):
 * workspace, run registration or resume, rollout queues, {@code GepaLoop}, evidence packet. Callers build the plan:
 * the CLI from its config file, {@link dev.gepa4j.api.Optimization} from its builder.
 *
 * <p>May import: the core, the runtime (workspace, evidence), the console and {@code java.*}; never the CLI.
 */
package dev.gepa4j.api.engine;
