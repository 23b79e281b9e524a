package dev.gepa4j.tasks.humaneval;

import static dev.gepa4j.tasks.humaneval.CoderPrompts.CODING_GUIDELINES;
import static dev.gepa4j.tasks.humaneval.CoderPrompts.SYSTEM_PROMPT;

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
import dev.gepa4j.tasks.chat.UsageTally;
import dev.gepa4j.tasks.sandbox.PythonSandbox;
import dev.gepa4j.tasks.sandbox.SandboxRun;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code humaneval-coder}: a chat model writes the function for a HumanEval prompt; the verifier runs the problem's
 * tests against it with python3 in the {@link PythonSandbox}; reward 1 when every assertion passes, else 0. Two
 * mutable fields: {@value CoderPrompts#SYSTEM_PROMPT} (the answer's form) and {@value CoderPrompts#CODING_GUIDELINES}
 * (how the code is written). Every trace step names the field that shaped it, and each field gets a verdict step.
 * The policy model comes from {@link PolicyModels}: the rollout's policy, else the container's OPENAI_* environment;
 * with none, the rollout fails saying what to set.
 */
public final class HumanEvalTaskHandler implements TaskHandler {
    private static final int MAX_TRACE_CHARS = 4_000;
    private final HumanEvalDataset data;
    private final PythonSandbox sandbox;
    private final PolicyModels models;

    public HumanEvalTaskHandler(HumanEvalDataset data, PythonSandbox sandbox, PolicyModels models) {
        this.data = data;
        this.sandbox = sandbox;
        this.models = models;
    }

    @Override
    public ProgramSpec program() {
        return new ProgramSpec("humaneval_coder", List.of(
                new ProgramModule(SYSTEM_PROMPT, "system", CoderPrompts.SEED_SYSTEM_PROMPT, true, SYSTEM_PROMPT),
                new ProgramModule(CODING_GUIDELINES, "system", CoderPrompts.SEED_CODING_GUIDELINES, true,
                        CODING_GUIDELINES)),
                Map.of(SYSTEM_PROMPT, CoderPrompts.SEED_SYSTEM_PROMPT, CODING_GUIDELINES,
                        CoderPrompts.SEED_CODING_GUIDELINES));
    }

    @Override
    public TaskInfo taskInfo() {
        return new TaskInfo("humaneval.coder",
                "Write the Python function a HumanEval prompt describes (signature and docstring given). The answer "
                        + "is run with python3 against the problem's unit tests in a sandbox; reward 1 when all pass. "
                        + "HumanEval by OpenAI, MIT licence.",
                "system_prompt is the model's role and the form of its answer: the verifier runs the answer as Python, "
                        + "taking the first fenced code block if there is one, else the whole answer, so prose outside "
                        + "a ```python block breaks it. coding_guidelines is how the function should be written "
                        + "(edge cases such as empty inputs, types, rounding). The feedback quotes the failing "
                        + "assertion and what the call returned, or the exception and the end of stderr.");
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo("humaneval", data.sizes());
    }

    @Override
    public List<ExampleRow> rows(String split, List<Long> seeds) {
        List<HumanEvalProblem> pool = data.split(split);
        List<ExampleRow> rows = new ArrayList<>(seeds.size());
        for (long seed : seeds) {
            if (seed < 0 || seed >= pool.size()) {
                throw new IllegalArgumentException("seed " + seed + " is out of range for split " + split + ": 0.."
                        + (pool.size() - 1));
            }
            HumanEvalProblem p = pool.get((int) seed);
            rows.add(new ExampleRow(split + ":" + seed, seed, split, Map.of("task_id", p.taskId(), "prompt",
                    p.prompt(), "entry_point", p.entryPoint())));
        }
        return rows;
    }

    @Override
    public RolloutOutcome rollout(RolloutCall call) throws Exception {
        HumanEvalProblem problem = data.split(call.row().split()).get((int) call.row().seed());
        String systemPrompt = call.candidate().getOrDefault(SYSTEM_PROMPT, CoderPrompts.SEED_SYSTEM_PROMPT);
        String guidelines = call.candidate().getOrDefault(CODING_GUIDELINES, CoderPrompts.SEED_CODING_GUIDELINES);
        ChatResponse response = models.forPolicy(call.policy()).chat(ChatRequest.builder()
                .messages(SystemMessage.from(CoderPrompts.systemMessage(systemPrompt, guidelines)),
                        UserMessage.from(CoderPrompts.userMessage(problem)))
                .build());
        String answer = response.aiMessage().text() == null ? "" : response.aiMessage().text();
        CodeAnswer code = CodeAnswer.of(problem, answer);
        SandboxRun run = sandbox.run(code.program());
        TestVerdict verdict = TestVerdict.of(problem, code, run, sandbox.limits());
        List<TraceEvent> trace = List.of(
                new TraceEvent("input", problem.taskId() + ": write " + problem.entryPoint() + "()"),
                TraceEvent.of(SYSTEM_PROMPT, "answer", cut(answer)),
                TraceEvent.of(CODING_GUIDELINES, "code", cut(code.code())),
                TraceEvent.of(verdict.formOk() ? CODING_GUIDELINES : SYSTEM_PROMPT, "test_run", run.ending() + " after " + run.elapsed().toMillis()
                        + " ms: " + run.reason(sandbox.limits()) + (run.stderrTail().isBlank() ? ""
                        : "\n" + run.stderrTail())),
                TraceEvent.of(SYSTEM_PROMPT, "verdict", verdict.formVerdict()),
                TraceEvent.of(CODING_GUIDELINES, "verdict", verdict.codeVerdict()));
        UsageTally usage = new UsageTally();
        usage.add(response);
        double reward = verdict.passed() ? 1.0 : 0.0;
        // per-field feedback: the form is the system prompt's business, the code's failures the guidelines'
        VerifierResult result = new VerifierResult(verdict.passed(), reward, verdict.feedback())
                .withFeedbackFor(SYSTEM_PROMPT, verdict.formOk() ? verdict.formVerdict() : verdict.feedback())
                .withFeedbackFor(CODING_GUIDELINES, verdict.formOk() ? verdict.feedback() : verdict.codeVerdict());
        return new RolloutOutcome(reward, code.code(), result,
                usage.total(), trace, Map.of("task_id", problem.taskId(), "ending", run.ending().name(),
                        "answer_runnable", Boolean.toString(verdict.formOk())));
    }

    private static String cut(String text) {
        return text.length() <= MAX_TRACE_CHARS ? text : text.substring(0, MAX_TRACE_CHARS) + "\n[... cut]";
    }
}
