package dev.gepa4j.tasks.ifeval.container;

import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.model.ProgramModule;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.sdk.TaskHandler;
import dev.gepa4j.sdk.TraceEvent;
import dev.gepa4j.tasks.chat.PolicyModels;
import dev.gepa4j.tasks.ifeval.IfevalExample;
import dev.gepa4j.tasks.ifeval.IfevalSplits;
import dev.gepa4j.tasks.ifeval.IfevalVerdict;
import dev.gepa4j.tasks.ifeval.IfevalVerifier;
import dev.gepa4j.tasks.ifeval.checks.InstructionCheckers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * IFEval as a two-stage pipeline container. Splits {@code train}, {@code validation} and {@code test} (also served
 * as {@code heldout}); rows carry the prompt and its instruction ids. A rollout calls the policy model twice (draft,
 * then revise), judges both answers, and rewards the revised one: the fraction of its checked instructions followed.
 * Feedback names each failed instruction with what was measured; each field also gets its own stage's verdict (the
 * trace's verdict steps, and {@code feedback_by_module}). A policy model that is not configured or does not
 * answer makes the rollout fail with a message saying what to set ({@link dev.gepa4j.tasks.chat.PolicyModelException}).
 */
public final class IfevalPipelineHandler implements TaskHandler {
    private final IfevalSplits splits;
    private final PolicyModels models;
    private final IfevalVerifier verifier = new IfevalVerifier();

    public IfevalPipelineHandler(IfevalSplits splits, PolicyModels models) {
        this.splits = splits;
        this.models = models;
    }

    @Override
    public ProgramSpec program() {
        return new ProgramSpec("ifeval_draft_revise_pipeline", List.of(
                new ProgramModule(PipelinePrompts.DRAFT_FIELD, "system", PipelinePrompts.SEED_DRAFT, true,
                        PipelinePrompts.DRAFT_FIELD),
                new ProgramModule(PipelinePrompts.REVISE_FIELD, "system", PipelinePrompts.SEED_REVISE, true,
                        PipelinePrompts.REVISE_FIELD)),
                Map.of(PipelinePrompts.DRAFT_FIELD, PipelinePrompts.SEED_DRAFT, PipelinePrompts.REVISE_FIELD,
                        PipelinePrompts.SEED_REVISE));
    }

    @Override
    public TaskInfo taskInfo() {
        return new TaskInfo("ifeval.draft_revise_pipeline",
                "Answer a request that carries verifiable instructions (IFEval, Google Research, Apache-2.0) in two "
                        + "stages: draft_prompt is the system prompt of a first call that drafts the answer; "
                        + "revise_prompt is the system prompt of a second call that gets the request and the draft "
                        + "and returns the final answer, revised to follow the request's instructions. The reward is "
                        + "the fraction of checked instructions the final answer follows. Checked instruction types ("
                        + InstructionCheckers.coveredIds().size() + "): "
                        + String.join(", ", InstructionCheckers.coveredIds())
                        + ". Other instruction types are not checked and do not count.",
                proposerHints());
    }

    private static String proposerHints() {
        return "Each stage's user message frames its inputs as <request>...</request> (and <draft>...</draft> for "
                + "the revise stage); the answer is the model's whole reply, so a prompt should ask for the answer "
                + "only, without preamble. What the checkers count:\n"
                + InstructionCheckers.all().stream().map(c -> "- " + c.id() + ": " + c.definition())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo("ifeval", Map.of("train", splits.train().size(), "validation",
                splits.validation().size(), "test", splits.test().size()));
    }

    @Override
    public List<ExampleRow> rows(String split, List<Long> seeds) {
        List<IfevalExample> pool = pool(split);
        List<ExampleRow> rows = new ArrayList<>(seeds.size());
        for (long seed : seeds) {
            IfevalExample e = pool.get(index(split, pool, seed));
            rows.add(new ExampleRow(e.exampleId(), seed, split, Map.of("prompt", e.prompt(), "instructions",
                    e.instructions().stream().map(i -> i.id()).collect(Collectors.joining(", ")))));
        }
        return rows;
    }

    @Override
    public RolloutOutcome rollout(RolloutCall call) {
        List<IfevalExample> pool = pool(call.row().split());
        IfevalExample example = pool.get(index(call.row().split(), pool, call.row().seed()));
        String draftPrompt = call.candidate().get(PipelinePrompts.DRAFT_FIELD);
        String revisePrompt = call.candidate().get(PipelinePrompts.REVISE_FIELD);
        PipelineStages stages = new PipelineStages(models.forPolicy(call.policy()), call.policy());
        List<TraceEvent> trace = new ArrayList<>();
        trace.add(new TraceEvent("policy", models.choose(call.policy()).describe()));

        String draftInput = PipelinePrompts.draftInput(example.prompt());
        trace.add(TraceEvent.of(PipelinePrompts.DRAFT_FIELD, "input", draftInput));
        String draft = stages.run(draftPrompt, draftInput);
        trace.add(TraceEvent.of(PipelinePrompts.DRAFT_FIELD, "output", draft));

        String reviseInput = PipelinePrompts.reviseInput(example.prompt(), draft);
        trace.add(TraceEvent.of(PipelinePrompts.REVISE_FIELD, "input", reviseInput));
        String revised = stages.run(revisePrompt, reviseInput);
        trace.add(TraceEvent.of(PipelinePrompts.REVISE_FIELD, "output", revised));

        IfevalVerdict draftVerdict = verifier.verify(example, draft);
        IfevalVerdict finalVerdict = verifier.verify(example, revised);
        String draftStageVerdict = StageVerdicts.draft(draftVerdict);
        String reviseStageVerdict = StageVerdicts.revise(draftVerdict, finalVerdict);
        trace.add(TraceEvent.of(PipelinePrompts.DRAFT_FIELD, "verdict", draftStageVerdict));
        trace.add(TraceEvent.of(PipelinePrompts.REVISE_FIELD, "verdict", reviseStageVerdict));

        String feedback = finalVerdict.feedback() + "\nThe draft before revision followed "
                + draftVerdict.followedCount() + " of " + draftVerdict.checked().size() + ".";
        return new RolloutOutcome(finalVerdict.reward(), revised,
                new VerifierResult(finalVerdict.allFollowed(), finalVerdict.reward(), feedback)
                        .withFeedbackFor(PipelinePrompts.DRAFT_FIELD, draftStageVerdict)
                        .withFeedbackFor(PipelinePrompts.REVISE_FIELD, reviseStageVerdict),
                stages.usage(),
                trace,
                Map.of("followed", finalVerdict.followedCount() + "/" + finalVerdict.checked().size(),
                        "draft_followed", draftVerdict.followedCount() + "/" + draftVerdict.checked().size(),
                        "instructions", String.join(", ", example.instructions().stream().map(i -> i.id()).toList())));
    }

    private List<IfevalExample> pool(String split) {
        return switch (split) {
            case "train" -> splits.train();
            case "validation" -> splits.validation();
            case "test", "heldout" -> splits.test();
            default -> throw new IllegalArgumentException("unknown split '" + split
                    + "': use train, validation or test");
        };
    }

    private static int index(String split, List<IfevalExample> pool, long seed) {
        if (seed < 0 || seed >= pool.size()) {
            throw new IllegalArgumentException("seed " + seed + " is out of range for split " + split + ": 0.."
                    + (pool.size() - 1));
        }
        return (int) seed;
    }
}
