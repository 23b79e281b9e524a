/**
 * The run's result as files and as numbers: {@link dev.gepa4j.runtime.evidence.RunMetrics} derives every score,
 * the Pareto frontier and its coverage grid from what a {@link dev.gepa4j.core.workspace.WorkspaceReader} holds, and
 * {@link dev.gepa4j.runtime.evidence.EvidencePacketWriter} writes the evidence packet (docs/architecture.md) from the
 * same numbers, so the packet, the console and {@code gepa runs/show} never disagree with the workspace.
 *
 * <p>Definitions (all scores are fractions in [0,1]; a score that was not measured is null, never 0; only OK and
 * FAILED rollouts are measurements, ERROR rollouts never score):
 * <ul>
 *   <li>train: mean of the latest reward per frontier example over a candidate's rollouts there, for candidates
 *       that were evaluated on every frontier row (stage SEED_TRAIN or FULL_TRAIN; SEED_PARETO or FULL_PARETO when
 *       the run gave the frontier rows of its own, which are then the "train" rows of these definitions); null for
 *       a child only seen on a minibatch.</li>
 *   <li>mini: mean over its CHILD_MINIBATCH rollouts (MERGE_SAMPLE for a merge child); null for the seed.</li>
 *   <li>heldout: mean of the latest reward per heldout example; null when it never ran on heldout.</li>
 *   <li>frontier: per train example, the full-train candidates holding the best reward; coverage counts the examples
 *       whose best reward is above 0; members are the candidates holding the best reward on a covered example.</li>
 *   <li>best: highest heldout (ties: higher train, then lower index); without heldout scores, highest train.</li>
 *   <li>test: the seed and the candidate that ran on the test split besides it, compared on the test rows measured
 *       for both ({@link dev.gepa4j.core.stats.PairedComparison}); test rollouts count in no other figure.</li>
 * </ul>
 *
 * <p>May import: {@code dev.gepa4j.core.*}, {@code dev.gepa4j.runtime.workspace} (diffs),
 * {@code dev.gepa4j.runtime.reflection} (trace steps), Jackson. The HTML/JS/CSS of the views live beside this
 * package as resources ({@code view/}) and are shared with the run console.
 */
package dev.gepa4j.runtime.evidence;
