package dev.gepa4j.tasks.gsm8k.react;

import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.sdk.TraceEvent;
import dev.gepa4j.tasks.calculator.Calculator;
import dev.gepa4j.tasks.gsm8k.FinalAnswer;
import dev.gepa4j.tasks.gsm8k.Gsm8kProblem;
import dev.gepa4j.tasks.gsm8k.Gsm8kRows;
import dev.gepa4j.tasks.gsm8k.Gsm8kTaskHandler;
import dev.gepa4j.tasks.gsm8k.TraceText;
import dev.langchain4j.model.chat.ChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * GSM8K as a ReAct agent with a calculator, served as a task container ({@code gsm8k-react}).
 *
 * <p>Two mutable fields: {@value ReactPrompts#SYSTEM_PROMPT} (the system message: how to reason, how to end) and
 * {@value ReactPrompts#TOOL_GUIDE} (the calculator tool's description in the request's {@code tools}: when and how
 * to call it). Each rollout runs one {@link ReactLoop} episode of at most {@code maxSteps} model calls against the
 * rollout's policy model, then {@link ReactJudge} scores it: reward 1 when the final answer equals the gold number.
 *
 * <p>Trace: the question (no field), then every step tagged with the field that shaped it: thoughts and the final
 * answer with {@code system_prompt}; tool calls and observations with {@code tool_guide}; then one {@code verdict}
 * event per field saying what that field's part did.
 */
public final class ReactTaskHandler extends Gsm8kTaskHandler {
    /** The step limit when none is configured. */
    public static final int DEFAULT_MAX_STEPS = 8;
    /** The most model calls an episode may be configured to make. */
    public static final int MAX_MAX_STEPS = 50;

    private final ReactLoop loop = new ReactLoop(new CalculatorTool(new Calculator()));
    private final int maxSteps;

    /**
     * @param rows     the GSM8K data
     * @param models   the chat model for a rollout's policy; throws with a readable message when there is none
     * @param maxSteps model calls per episode, 1 to {@value #MAX_MAX_STEPS}
     */
    public ReactTaskHandler(Gsm8kRows rows, Function<PolicySpec, ChatModel> models, int maxSteps) {
        super(rows, models);
        this.maxSteps = limit("the ReAct step limit", maxSteps, MAX_MAX_STEPS);
    }

    @Override
    public ProgramSpec program() {
        return program("gsm8k_react_agent",
                new String[] {"system", ReactPrompts.SYSTEM_PROMPT, ReactPrompts.SEED_SYSTEM_PROMPT},
                new String[] {"tool", ReactPrompts.TOOL_GUIDE, ReactPrompts.SEED_TOOL_GUIDE});
    }

    @Override
    public TaskInfo taskInfo() {
        return new TaskInfo("gsm8k.react",
                "Solve a GSM8K grade-school math word problem (OpenAI, MIT licence) as a ReAct agent: the model may "
                        + "call a calculator tool for up to " + maxSteps + " steps, then gives its final answer. "
                        + "Reward 1 when the final answer equals the gold number exactly.",
                """
                system_prompt is the system message of every model call: it shapes the reasoning and the final reply.
                tool_guide is the description of the calculator tool (OpenAI tools format): it shapes when and how the
                model calls the tool. The calculator takes {"expression": "..."} with numbers, + - * / ^ ** %,
                parentheses and sqrt(...); anything else comes back as "error: ...".
                The final answer is read from a line such as "Answer: 18" (also "#### 18" or \\boxed{18}); a reply
                without such a line scores 0. Trace events carry module_id = the field that shaped them.
                """);
    }

    @Override
    public RolloutOutcome rollout(RolloutCall call) {
        Gsm8kProblem problem = problem(call.row());
        String systemPrompt = call.candidate().getOrDefault(ReactPrompts.SYSTEM_PROMPT, ReactPrompts.SEED_SYSTEM_PROMPT);
        String toolGuide = call.candidate().getOrDefault(ReactPrompts.TOOL_GUIDE, ReactPrompts.SEED_TOOL_GUIDE);
        ReactTranscript transcript = loop.run(model(call.policy()), systemPrompt, toolGuide, problem.question(), maxSteps);
        ReactVerdict verdict = ReactJudge.judge(transcript, problem.answer());
        double reward = verdict.correct() ? 1.0 : 0.0;
        String given = verdict.answer().marked() ? FinalAnswer.format(verdict.answer().value()) : "";
        VerifierResult verifier = new VerifierResult(verdict.correct(), reward, verdict.feedback());
        if (!verdict.correct()) {
            verifier = verifier.withFeedbackFor(ReactPrompts.SYSTEM_PROMPT, verdict.systemPromptNote());
        }
        if (verdict.toolAtFault()) {
            verifier = verifier.withFeedbackFor(ReactPrompts.TOOL_GUIDE, verdict.toolGuideNote());
        }
        return new RolloutOutcome(reward, transcript.exhausted() ? "" : transcript.finalReply(), verifier,
                transcript.usage(),
                trace(problem, call.policy(), transcript, verdict),
                Map.of("expected", FinalAnswer.format(problem.answer()), "answer", given,
                        "tool_calls", Integer.toString(transcript.toolCalls().size()),
                        "steps", Integer.toString(transcript.turns())));
    }

    private static List<TraceEvent> trace(Gsm8kProblem problem, PolicySpec policy, ReactTranscript transcript,
                                          ReactVerdict verdict) {
        List<TraceEvent> events = new ArrayList<>();
        events.add(new TraceEvent("input", problem.question()));
        events.add(new TraceEvent("policy", policy.provider() + "/" + policy.model()));
        for (ReactStep step : transcript.steps()) {
            events.add(switch (step) {
                case ReactStep.Thought t -> TraceEvent.of(ReactPrompts.SYSTEM_PROMPT, "thought",
                        "step " + t.turn() + ": " + TraceText.clip(t.text()));
                case ReactStep.ToolCall c -> TraceEvent.of(ReactPrompts.TOOL_GUIDE, "tool_call",
                        "step " + c.turn() + ": " + TraceText.clip(c.name(), 80) + "(" + TraceText.clip(c.arguments())
                                + ")");
                case ReactStep.Observation o -> TraceEvent.of(ReactPrompts.TOOL_GUIDE,
                        o.failed() ? "tool_error" : "observation", "step " + o.turn() + ": " + o.text());
                case ReactStep.Answer a -> TraceEvent.of(ReactPrompts.SYSTEM_PROMPT, "answer",
                        "step " + a.turn() + ": " + TraceText.clip(a.text()));
            });
        }
        events.add(TraceEvent.of(ReactPrompts.SYSTEM_PROMPT, "verdict", verdict.systemPromptNote()));
        events.add(TraceEvent.of(ReactPrompts.TOOL_GUIDE, "verdict", verdict.toolGuideNote()));
        return events;
    }
}
