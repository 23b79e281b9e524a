package dev.gepa4j.tasks.banking77.container;

import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.model.ProgramModule;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.sdk.TaskHandler;
import dev.gepa4j.sdk.TraceEvent;
import dev.gepa4j.tasks.banking77.Banking77Example;
import dev.gepa4j.tasks.banking77.Banking77Prompts;
import dev.gepa4j.tasks.banking77.Banking77Splits;
import dev.gepa4j.tasks.banking77.IntentPrediction;
import dev.gepa4j.tasks.banking77.IntentVerdict;
import dev.gepa4j.tasks.banking77.IntentVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Banking77 intent classification as a task container. One mutable module, {@value #FIELD}, holds the system
 * prompt; the container's splits are {@code train}, {@code validation} (more train.csv rows, for a frontier scored
 * on rows of its own) and {@code test} (test.csv rows, for heldout and test roles), drawn disjointly with a fixed seed
 * by {@link Banking77Splits}.
 *
 * <p>The policy is chosen per rollout by {@code policy.provider}: {@code embedded} (default) runs
 * {@link dev.gepa4j.tasks.banking77.EmbeddedIntentPolicy} in-process; {@code openai} calls an OpenAI-compatible chat
 * model ({@link ChatIntentPolicy}). The verifier's feedback starts with {@code Expected <gold> but the prompt led to
 * <predicted>.} for every wrong answer, which proposers may rely on.
 */
public final class Banking77TaskHandler implements TaskHandler {
    /** The candidate field of the system prompt. */
    public static final String FIELD = "system_prompt";

    private final Banking77Splits splits;
    private final IntentPolicies policies;
    private final IntentVerifier verifier;

    public Banking77TaskHandler(Banking77Splits splits, IntentPolicies policies) {
        this.splits = splits;
        this.policies = policies;
        this.verifier = new IntentVerifier(policies.embedded().dialect());
    }

    @Override
    public ProgramSpec program() {
        return new ProgramSpec("banking77_intent_policy",
                List.of(new ProgramModule("system_prompt", "system", Banking77Prompts.SEED_PROMPT, true, FIELD)),
                Map.of(FIELD, Banking77Prompts.SEED_PROMPT));
    }

    @Override
    public TaskInfo taskInfo() {
        return new TaskInfo("banking77.intent_classification",
                "Classify an online-banking customer message into exactly one of 77 intent labels "
                        + "(PolyAI Banking77, CC-BY-4.0). The answer is the label, e.g. card_arrival.",
                PromptDialectGuide.TEXT);
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo("banking77", Map.of("train", splits.train().size(), "validation",
                splits.validation().size(), "test", splits.heldout().size()));
    }

    @Override
    public List<ExampleRow> rows(String split, List<Long> seeds) {
        List<Banking77Example> pool = switch (split) {
            case "train" -> splits.train();
            case "validation" -> splits.validation();
            case "test", "heldout" -> splits.heldout();
            default -> throw new IllegalArgumentException("unknown split '" + split
                    + "': use train, validation or test");
        };
        List<ExampleRow> rows = new ArrayList<>(seeds.size());
        for (long seed : seeds) {
            if (seed < 0 || seed >= pool.size()) {
                throw new IllegalArgumentException("seed " + seed + " is out of range for split " + split + ": 0.."
                        + (pool.size() - 1));
            }
            Banking77Example e = pool.get((int) seed);
            rows.add(new ExampleRow(e.exampleId(), seed, split, Map.of("text", e.text(), "label", e.label())));
        }
        return rows;
    }

    @Override
    public RolloutOutcome rollout(RolloutCall call) {
        String prompt = call.candidate().getOrDefault(FIELD, Banking77Prompts.SEED_PROMPT);
        String message = call.row().field("text");
        String gold = call.row().field("label");
        IntentPrediction prediction = policies.forProvider(call.policy()).classify(prompt, message);
        IntentVerdict verdict = verifier.verify(prompt, message, gold, prediction);
        List<TraceEvent> trace = List.of(
                new TraceEvent("input", message),
                new TraceEvent("policy", call.policy().provider() + "/" + call.policy().model()),
                new TraceEvent("prediction", prediction.label()),
                new TraceEvent("evidence", prediction.evidence()
                        + prediction.firedRule().map(r -> "; rule fired: " + r).orElse("")));
        return new RolloutOutcome(verdict.reward(), prediction.rawOutput(),
                new VerifierResult(verdict.correct(), verdict.reward(), verdict.feedback()),
                Usage.of(prediction.promptTokens(), prediction.completionTokens(), 0.0), trace,
                Map.of("expected", gold, "prediction", prediction.label()));
    }
}
