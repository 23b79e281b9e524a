package dev.gepa4j.tasks.banking77;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tuning harness (not a unit test): a small in-process GEPA loop over the Banking77 task with the offline editor,
 * counting rollouts the way the runtime does.
 *
 * <p>Accounting, mirroring the runtime (a rollout is one candidate prompt on one example; a (prompt, example) pair is
 * run once, because the policy is deterministic and the runtime caches results):
 * <ol>
 *   <li>the seed prompt is scored on the whole train split;</li>
 *   <li>each proposal picks a parent (per-example Pareto frontier, weighted by how many examples each candidate leads,
 *       or greedy: best train mean), draws a minibatch from an epoch-shuffled train order, reads the parent's
 *       minibatch results (free: cached from its full-train evaluation), asks the editor for one draft
 *       ({@link OfflinePromptEditor#alternatives} with count 1, as the offline proposer does), and scores the child on
 *       the minibatch;</li>
 *   <li>a child strictly better than its parent on the minibatch joins the pool and is scored on the whole train
 *       split (its minibatch results are reused);</li>
 *   <li>at the end the seed and the top-k candidates by train mean are scored on heldout; the best heldout one is
 *       reported against the seed. Proposals stop while the heldout reserve still fits, so the total never exceeds
 *       the budget.</li>
 * </ol>
 *
 * <p>Run on the test classpath with {@code --enable-native-access=ALL-UNNAMED}: {@code Banking77EvolutionHarness
 * [seed ...]} (default seeds 1 to 5). System properties: {@code budget} (1500), {@code train}, {@code heldout}
 * (default {@link SplitSizes#DEFAULTS}), {@code minibatch} (5), {@code topk} (heldout finalists besides the seed, 2),
 * {@code select} ({@code pareto} or {@code greedy}), {@code show} (print the best prompt), {@code diag} (print every
 * candidate's heldout score, not counted), {@code ceiling} (print the seed prompt and the all-descriptions prompt on
 * heldout, and on a 1,000-message slice of train.csv that no split uses, then exit).
 */
public final class Banking77EvolutionHarness {
    private final EmbeddedIntentPolicy policy;
    private final IntentVerifier verifier;
    private final OfflinePromptEditor editor;
    private final Map<String, Boolean> cache = new HashMap<>();
    private int rollouts;

    private Banking77EvolutionHarness(EmbeddedIntentPolicy policy) {
        this.policy = policy;
        this.verifier = new IntentVerifier(policy.dialect());
        this.editor = new OfflinePromptEditor(policy.dialect());
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        int budget = Integer.getInteger("budget", 1500);
        int minibatch = Integer.getInteger("minibatch", 5);
        int topK = Integer.getInteger("topk", 2);
        boolean greedy = System.getProperty("select", "pareto").equals("greedy");
        SplitSizes sizes = new SplitSizes(Integer.getInteger("train", SplitSizes.DEFAULTS.train()),
                Integer.getInteger("heldout", SplitSizes.DEFAULTS.heldout()), SplitSizes.DEFAULTS.shuffleSeed());
        Banking77Dataset data = Banking77Dataset.load();
        Banking77Splits splits = data.splits(sizes);
        SentenceEmbedder embedder = SentenceEmbedder.offline();
        EmbeddedIntentPolicy policy = new EmbeddedIntentPolicy(embedder, data.labels());
        if (Boolean.getBoolean("ceiling")) {
            ceiling(data, splits, policy);
            return;
        }
        double setup = (System.nanoTime() - start) / 1e9;
        String[] seeds = args.length == 0 ? new String[] {"1", "2", "3", "4", "5"} : args;
        double liftSum = 0;
        for (String seed : seeds) {
            long runStart = System.nanoTime();
            Banking77EvolutionHarness h = new Banking77EvolutionHarness(policy);
            Result r = h.run(splits, budget, minibatch, topK, greedy, Long.parseLong(seed));
            liftSum += r.bestHeldout - r.seedHeldout;
            System.out.printf(Locale.ROOT,
                    "seed=%s train=%d heldout=%d mb=%d topk=%d seedHeldout=%.3f bestHeldout=%.3f lift=%+.3f "
                            + "seedTrain=%.3f bestTrain=%.3f proposals=%d candidates=%d rollouts=%d seconds=%.1f (+%.1f setup)%n",
                    seed, sizes.train(), sizes.heldout(), minibatch, topK, r.seedHeldout, r.bestHeldout,
                    r.bestHeldout - r.seedHeldout, r.seedTrain, r.bestTrain, r.proposals, r.candidates, h.rollouts,
                    (System.nanoTime() - runStart) / 1e9, setup);
            if (Boolean.getBoolean("show")) {
                System.out.println(r.bestPrompt);
            }
        }
        System.out.printf(Locale.ROOT, "mean lift %+.3f%n", liftSum / seeds.length);
    }

    private static void ceiling(Banking77Dataset data, Banking77Splits splits, EmbeddedIntentPolicy policy) {
        String all = IntentKnowledge.bundled().describeAll(Banking77Prompts.SEED_PROMPT, data.labels(), policy.dialect());
        PolicyPrompt parsed = policy.dialect().parse(all);
        String withRules = policy.dialect().render(new PolicyPrompt(parsed.instructions(), parsed.descriptions(),
                IntentKnowledge.bundled().contrasts().stream().map(IntentKnowledge.Contrast::rule).toList()));
        // train.csv rows 5,000..5,999 of the train shuffle: never a split member at the default sizes.
        List<Banking77Example> dev = data.splits(new SplitSizes(6000, 1, SplitSizes.DEFAULTS.shuffleSeed()))
                .train().subList(5000, 6000);
        for (var entry : Map.of("heldout", splits.heldout(), "train-dev", dev).entrySet()) {
            double seed = accuracy(policy, Banking77Prompts.SEED_PROMPT, entry.getValue());
            double described = accuracy(policy, all, entry.getValue());
            double ruled = accuracy(policy, withRules, entry.getValue());
            System.out.printf(Locale.ROOT,
                    "ceiling %s n=%d seedPrompt=%.3f allDescriptions=%.3f gain=%+.3f allDescriptionsAndContrasts=%.3f%n",
                    entry.getKey(), entry.getValue().size(), seed, described, described - seed, ruled);
        }
        if (Boolean.getBoolean("confusions")) {
            Map<String, Integer> pairs = new HashMap<>();
            for (Banking77Example e : dev) {
                String p = policy.classify(all, e.text()).label();
                if (!p.equals(e.label())) pairs.merge(e.label() + " <- " + p, 1, Integer::sum);
            }
            pairs.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(60)
                    .forEach(x -> System.out.println("  " + x.getValue() + "  expected " + x.getKey()));
        }
    }

    private static double accuracy(EmbeddedIntentPolicy policy, String prompt, List<Banking77Example> examples) {
        return examples.stream().filter(e -> policy.classify(prompt, e.text()).label().equals(e.label())).count()
                / (double) examples.size();
    }

    private record Result(double seedHeldout, double bestHeldout, double seedTrain, double bestTrain, int proposals,
            int candidates, String bestPrompt) {}

    private Result run(Banking77Splits splits, int budget, int minibatch, int topK, boolean greedy, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Banking77Example> train = splits.train();
        List<String> pool = new ArrayList<>(List.of(Banking77Prompts.SEED_PROMPT));
        List<boolean[]> scores = new ArrayList<>(List.of(evaluate(Banking77Prompts.SEED_PROMPT, train)));
        int reserve = splits.heldout().size() * (1 + topK);
        List<Integer> order = new ArrayList<>();
        int proposals = 0;
        // Stop while a child on the minibatch, its full-train evaluation and the heldout finale still fit.
        int iterations = 0;
        // Iterations are capped too: a parent whose edits are all cached would otherwise spin without spending budget.
        while (rollouts + minibatch + (train.size() - minibatch) + reserve <= budget && iterations++ < 1000) {
            int parentIndex = greedy ? bestByTrain(scores) : pickParent(scores, random);
            String parent = pool.get(parentIndex);
            if (order.size() < minibatch) {
                order.clear();
                for (int i = 0; i < train.size(); i++) order.add(i);
                for (int i = order.size() - 1; i > 0; i--) java.util.Collections.swap(order, i, random.nextInt(i + 1));
            }
            List<Banking77Example> batch = new ArrayList<>();
            for (int i = 0; i < minibatch; i++) batch.add(train.get(order.removeLast()));
            List<ClassificationFailure> failures = new ArrayList<>();
            int parentScore = 0;
            for (Banking77Example e : batch) {
                IntentPrediction p = policy.classify(parent, e.text());
                IntentVerdict v = verifier.verify(parent, e.text(), e.label(), p);
                count(parent, e, v.correct()); // cached from the parent's full-train evaluation: free
                if (v.correct()) parentScore++;
                else failures.add(new ClassificationFailure(e.text(), e.label(), p.label(), v.feedback()));
            }
            if (failures.isEmpty()) continue; // the runtime skips reflection on a perfect minibatch
            proposals++;
            String child = editor.alternatives(parent, failures, new SplittableRandom(random.nextLong()), 1).getFirst();
            if (child.equals(parent)) continue;
            int childScore = 0;
            for (Banking77Example e : batch) {
                boolean ok = policy.classify(child, e.text()).label().equals(e.label());
                count(child, e, ok);
                if (ok) childScore++;
            }
            if (childScore > parentScore && !pool.contains(child)) {
                pool.add(child);
                scores.add(evaluate(child, train));
            }
        }
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) ranked.add(i);
        // Best train mean first; ties go to the newer candidate.
        ranked.sort((a, b) -> Double.compare(mean(scores.get(b)), mean(scores.get(a))) != 0
                ? Double.compare(mean(scores.get(b)), mean(scores.get(a))) : Integer.compare(b, a));
        if (Boolean.getBoolean("diag")) {
            for (int i = 0; i < pool.size(); i++) {
                int before = rollouts;
                Map<String, Boolean> saved = new HashMap<>(cache);
                System.out.printf(Locale.ROOT, "  cand %d train %.3f heldout %.3f%n", i, mean(scores.get(i)),
                        mean(evaluate(pool.get(i), splits.heldout())));
                cache.clear();
                cache.putAll(saved);
                rollouts = before;
            }
        }
        double seedHeldout = mean(evaluate(Banking77Prompts.SEED_PROMPT, splits.heldout()));
        double best = seedHeldout;
        int bestIndex = 0;
        for (int i : ranked.subList(0, Math.min(topK, ranked.size()))) {
            double h = mean(evaluate(pool.get(i), splits.heldout()));
            if (h > best) {
                best = h;
                bestIndex = i;
            }
        }
        if (rollouts > budget) throw new IllegalStateException("over budget: " + rollouts);
        return new Result(seedHeldout, best, mean(scores.getFirst()), mean(scores.get(bestIndex)), proposals,
                pool.size(), pool.get(bestIndex));
    }

    private static int bestByTrain(List<boolean[]> scores) {
        int best = 0;
        for (int c = 1; c < scores.size(); c++) {
            if (mean(scores.get(c)) >= mean(scores.get(best))) best = c;
        }
        return best;
    }

    /** GEPA's parent choice: candidates that lead on some example, drawn in proportion to how many they lead. */
    private static int pickParent(List<boolean[]> scores, SplittableRandom random) {
        int[] wins = new int[scores.size()];
        int total = 0;
        for (int e = 0; e < scores.getFirst().length; e++) {
            for (int c = 0; c < scores.size(); c++) {
                if (scores.get(c)[e]) {
                    wins[c]++;
                    total++;
                }
            }
        }
        if (total == 0) return scores.size() - 1;
        int draw = random.nextInt(total);
        for (int c = 0; c < wins.length; c++) {
            draw -= wins[c];
            if (draw < 0) return c;
        }
        return scores.size() - 1;
    }

    private boolean[] evaluate(String prompt, List<Banking77Example> examples) {
        boolean[] out = new boolean[examples.size()];
        for (int i = 0; i < out.length; i++) {
            Banking77Example e = examples.get(i);
            Boolean hit = cache.get(prompt + "\u0000" + e.exampleId());
            out[i] = hit != null ? hit : count(prompt, e, policy.classify(prompt, e.text()).label().equals(e.label()));
        }
        return out;
    }

    private boolean count(String prompt, Banking77Example e, boolean ok) {
        if (cache.putIfAbsent(prompt + "\u0000" + e.exampleId(), ok) == null) rollouts++;
        return ok;
    }

    private static double mean(boolean[] xs) {
        int c = 0;
        for (boolean x : xs) if (x) c++;
        return c / (double) xs.length;
    }
}
