/**
 * The Banking77 intent-classification task of the offline demo: data, an embedded policy, a verifier and an offline
 * prompt editor, all in-process and deterministic, with no network and no API key.
 *
 * <ul>
 *   <li>{@link dev.gepa4j.tasks.banking77.Banking77Dataset} loads the bundled PolyAI Banking77 CSVs (CC-BY-4.0, see
 *       {@code data/README.md}) and draws seeded, disjoint {@code train} / {@code heldout} splits.</li>
 *   <li>{@link dev.gepa4j.tasks.banking77.EmbeddedIntentPolicy} plays the language model: it classifies a message under
 *       a candidate prompt written in the {@link dev.gepa4j.tasks.banking77.PolicyDialect} dialect.</li>
 *   <li>{@link dev.gepa4j.tasks.banking77.IntentVerifier} gives reward 1/0 and feedback about the prompt.</li>
 *   <li>{@link dev.gepa4j.tasks.banking77.OfflinePromptEditor} is the offline reflection step: failures in, edited
 *       prompt out. It draws on {@link dev.gepa4j.tasks.banking77.IntentKnowledge} ({@code intent-knowledge.tsv}),
 *       hand-written intent descriptions and look-alike contrasts standing in for an LLM reflector's domain
 *       knowledge; example phrases are added only when that knowledge did not fix a failure.</li>
 * </ul>
 *
 * <h2>The prompt dialect</h2>
 * <pre>
 * Classify the user's banking intent. Return the best matching label.      (free instruction: ignored)
 *
 * Label descriptions:
 * - card_arrival: questions about card arrival, e.g. "my card has not come"; "where is my new card"
 *
 * Disambiguation rules:
 * - If the message mentions "pending" and "top up", prefer pending_top_up over top_up_failed.
 * - If the message mentions "apple pay", prefer apple_pay_or_google_pay.
 * </pre>
 * Labels are the 77 case-sensitive names of {@code categories.json}. A description replaces the label-name
 * prototype with "name: prose" and adds one prototype per quoted example; rules re-rank afterwards. With the seed
 * prompt the policy knows only the humanized label names. Limits: the policy has no reasoning or negation, rule terms
 * match words by loose stem, not meaning, and quality is bounded by the small quantized all-MiniLM-L6-v2 embedding.
 */
package dev.gepa4j.tasks.banking77;
