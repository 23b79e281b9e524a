/**
 * A deterministic synthetic task for loop tests and benchmarks: {@link dev.gepa4j.testkit.synthetic.SyntheticTask}
 * (two mutable fields; each example needs certain keyword "skills" in certain fields; partial credit; verifier
 * feedback names what is missing), served over real HTTP by {@link dev.gepa4j.testkit.synthetic.SyntheticContainer},
 * which counts on the container side every rollout it executes ({@link dev.gepa4j.testkit.synthetic.RolloutTally})
 * and, behind a {@link dev.gepa4j.testkit.synthetic.CountingProxy}, every rollout request per id;
 * and {@link dev.gepa4j.testkit.synthetic.SyntheticProposer}, a proposer that reads that feedback, usually adds one
 * of the missing skills it names (drawn, the most named the likeliest, seeded by the packet, as a model would not
 * always pick the same) and sometimes makes a useless or harmful edit so the gate has work to do.
 *
 * <p>May import: {@code dev.gepa4j.core.*}, {@code dev.gepa4j.sdk}, Javalin (the proxy) and {@code java.*}.
 */
package dev.gepa4j.testkit.synthetic;
