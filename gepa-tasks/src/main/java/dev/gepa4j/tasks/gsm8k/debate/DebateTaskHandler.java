package dev.gepa4j.tasks.gsm8k.debate;

import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.sdk.TraceEvent;
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
 * GSM8K as a two-agent debate, served as a task container ({@code gsm8k-debate}).
 *
 * <p>Two mutable fields: {@value DebatePrompts#SOLVER_PROMPT} (the solver's system message) and
 * {@value DebatePrompts#CRITIC_PROMPT} (the critic's). Both agents run on the rollout's policy model. Each rollout is
 * one {@link DebateLoop} of at most {@code maxRounds} rounds, ended by the critic's ACCEPT or by the round limit;
 * reward 1 when the solver's last answer equals the gold number. {@link DebateJudge} says which agent went wrong.
 *
 * <p>Trace: the question (no field), then every agent turn tagged with its agent's field (type {@code solver} or
 * {@code critic}), then one {@code verdict} event per field.
 */
public final class DebateTaskHandler extends Gsm8kTaskHandler {
    /** The round limit when none is configured. */
    public static final int DEFAULT_MAX_ROUNDS = 3;
    /** The most rounds a debate may be configured to run. */
    public static final int MAX_MAX_ROUNDS = 10;

    private final DebateLoop loop = new DebateLoop();
    private final int maxRounds;

    /**
     * @param rows      the GSM8K data
     * @param models    the chat model for a rollout's policy; throws with a readable message when there is none
     * @param maxRounds rounds per debate, 1 to {@value #MAX_MAX_ROUNDS}
     */
    public DebateTaskHandler(Gsm8kRows rows, Function<PolicySpec, ChatModel> models, int maxRounds) {
        super(rows, models);
        this.maxRounds = limit("the debate round limit", maxRounds, MAX_MAX_ROUNDS);
    }

    @Override
    public ProgramSpec program() {
        return program("gsm8k_solver_critic_debate",
                new String[] {"system", DebatePrompts.SOLVER_PROMPT, DebatePrompts.SEED_SOLVER_PROMPT},
                new String[] {"system", DebatePrompts.CRITIC_PROMPT, DebatePrompts.SEED_CRITIC_PROMPT});
    }

    @Override
    public TaskInfo taskInfo() {
        return new TaskInfo("gsm8k.debate",
                "Solve a GSM8K grade-school math word problem (OpenAI, MIT licence) by debate: a solver answers, a "
                        + "critic reviews and ends its reply with ACCEPT or REJECT, the solver may revise; at most "
                        + maxRounds + " rounds, ended early by ACCEPT. Reward 1 when the solver's last answer equals the "
                        + "gold number exactly.",
                """
                solver_prompt is the solver's system message; critic_prompt is the critic's. The container frames
                each turn itself (the problem, the solution under review, the critique) and asks the solver for a
                final line 'Answer: <number>'. The critic's verdict is the last upper-case ACCEPT or REJECT in its
                reply; a reply with neither counts as a rejection. The feedback says which agent went wrong: the critic
                accepting a wrong answer or rejecting a right one, the solver answering wrongly or ignoring a right
                critique. Trace events carry module_id = the field of the agent that spoke.
                """);
    }

    @Override
    public RolloutOutcome rollout(RolloutCall call) {
        Gsm8kProblem problem = problem(call.row());
        String solverPrompt = call.candidate().getOrDefault(DebatePrompts.SOLVER_PROMPT,
                DebatePrompts.SEED_SOLVER_PROMPT);
        String criticPrompt = call.candidate().getOrDefault(DebatePrompts.CRITIC_PROMPT,
                DebatePrompts.SEED_CRITIC_PROMPT);
        DebateTranscript transcript = loop.run(model(call.policy()), solverPrompt, criticPrompt, problem.question(), maxRounds);
        DebateVerdict verdict = DebateJudge.judge(transcript, problem.answer());
        double reward = verdict.correct() ? 1.0 : 0.0;
        FinalAnswer last = transcript.last().answer();
        VerifierResult verifier = new VerifierResult(verdict.correct(), reward, verdict.feedback());
        if (verdict.blamed().contains(DebatePrompts.SOLVER_PROMPT)) {
            verifier = verifier.withFeedbackFor(DebatePrompts.SOLVER_PROMPT, "the solver went wrong: "
                    + verdict.solverNote());
        }
        if (verdict.blamed().contains(DebatePrompts.CRITIC_PROMPT)) {
            verifier = verifier.withFeedbackFor(DebatePrompts.CRITIC_PROMPT, "the critic went wrong: "
                    + verdict.criticNote());
        }
        return new RolloutOutcome(reward, transcript.last().text(), verifier, transcript.usage(),
                trace(problem, call.policy(), transcript, verdict),
                Map.of("expected", FinalAnswer.format(problem.answer()),
                        "answer", last.marked() ? FinalAnswer.format(last.value()) : "",
                        "rounds", Integer.toString(transcript.solverTurns().size()),
                        "ended_by", transcript.accepted() ? "accept" : "rounds_exhausted",
                        "went_wrong", String.join(",", verdict.blamed())));
    }

    private static List<TraceEvent> trace(Gsm8kProblem problem, PolicySpec policy, DebateTranscript transcript,
                                          DebateVerdict verdict) {
        List<TraceEvent> events = new ArrayList<>();
        events.add(new TraceEvent("input", problem.question()));
        events.add(new TraceEvent("policy", policy.provider() + "/" + policy.model()));
        for (DebateTurn turn : transcript.turns()) {
            events.add(switch (turn) {
                case DebateTurn.Solver s -> TraceEvent.of(DebatePrompts.SOLVER_PROMPT, "solver",
                        "round " + s.round() + ": " + TraceText.clip(s.text()));
                case DebateTurn.Critic c -> TraceEvent.of(DebatePrompts.CRITIC_PROMPT, "critic",
                        "round " + c.round() + " (" + c.verdict() + "): " + TraceText.clip(c.text()));
            });
        }
        events.add(TraceEvent.of(DebatePrompts.SOLVER_PROMPT, "verdict", note(verdict, DebatePrompts.SOLVER_PROMPT,
                verdict.solverNote())));
        events.add(TraceEvent.of(DebatePrompts.CRITIC_PROMPT, "verdict", note(verdict, DebatePrompts.CRITIC_PROMPT,
                verdict.criticNote())));
        return events;
    }

    private static String note(DebateVerdict verdict, String field, String what) {
        String head = verdict.correct() ? "final answer right" : verdict.blamed().contains(field)
                ? "went wrong" : "not at fault";
        return head + ": " + (what.isEmpty() ? "nothing to note" : what);
    }
}
