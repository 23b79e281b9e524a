/**
 * The container contract as rules: the configured JSON codec ({@link dev.gepa4j.contract.ContractCodec}),
 * which contract versions we accept ({@link dev.gepa4j.contract.ContractVersions}), how a reward is read from a
 * rollout response ({@link dev.gepa4j.contract.RewardRule}), and the mapping between wire documents and the
 * core records ({@link dev.gepa4j.contract.ContractMapping}). A document that breaks the contract raises
 * {@link dev.gepa4j.contract.ContractViolationException}, whose message says what was wrong and how to fix it.
 *
 * <p>May import: {@code dev.gepa4j.core.model}, {@code dev.gepa4j.core.container} (records only),
 * {@code dev.gepa4j.contract.wire}, Jackson and {@code java.*}. No HTTP, no server.
 */
package dev.gepa4j.contract;
