package dev.gepa4j.tasks.humaneval;

import dev.gepa4j.tasks.sandbox.SandboxLimits;
import dev.gepa4j.tasks.sandbox.SandboxRun;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the test run says about one answer, split by the field responsible: {@code system_prompt} shapes the answer's
 * form (runnable code or not), {@code coding_guidelines} shapes the code itself (does it pass the tests).
 *
 * @param passed         every assertion passed
 * @param formOk         the answer was runnable code (no syntax error inside it, some code at all)
 * @param feedback       for the proposer: what failed (the failing assertion and what the call returned, or the
 *                       exception, or the limit that stopped the run) and the tail of stderr; bounded
 * @param formVerdict    the {@code system_prompt} stage's verdict
 * @param codeVerdict    the {@code coding_guidelines} stage's verdict
 */
public record TestVerdict(boolean passed, boolean formOk, String feedback, String formVerdict, String codeVerdict) {
    /** Feedback is cut to this many characters. */
    public static final int MAX_FEEDBACK_CHARS = 1_800;
    private static final Pattern FRAME = Pattern.compile("File \"program\\.py\", line (\\d+)(?:, in (\\S+))?\\n\\s*(.*)");
    private static final Pattern RETURNED = Pattern.compile("(?m)^gepa-sandbox: (.*)$");

    /** Judges a sandbox run of {@code answer}'s program. */
    public static TestVerdict of(HumanEvalProblem problem, CodeAnswer answer, SandboxRun run, SandboxLimits limits) {
        if (answer.code().isBlank()) {
            return new TestVerdict(false, false, "The answer held no code.",
                    "The answer held no code at all; the system prompt must make the model answer with the function.",
                    "Not judged: there was no code to test.");
        }
        if (run.passed()) {
            String all = "All " + problem.assertionCount() + " assertions of the tests passed.";
            return new TestVerdict(true, true, all, "The answer was runnable Python.", all);
        }
        String stderr = run.stderrTail();
        String lastLine = stderr.lines().filter(l -> !l.isBlank() && !l.startsWith("gepa-sandbox:"))
                .reduce((a, b) -> b).orElse("").strip();
        List<Frame> frames = frames(stderr);
        if (lastLine.startsWith("SyntaxError") || lastLine.startsWith("IndentationError")
                || lastLine.startsWith("TabError")) {
            Frame at = frames.isEmpty() ? null : frames.getLast();
            boolean inAnswer = at == null || answer.inCode(at.line());
            String where = at == null ? "" : " at `" + at.source() + "`";
            String what = lastLine + where;
            if (inAnswer) {
                return new TestVerdict(false, false, bound("The answer is not runnable Python: " + what
                                + (answer.fenced() ? "." : ". The answer had no ```python block, so all of it was "
                                + "run as code, prose included."), stderr),
                        "The answer was not runnable Python (" + what + "); the system prompt should make the model "
                                + "answer with only the code of the function, in one ```python block.",
                        "Not judged: the answer was not runnable code.");
            }
        }
        String failure = describeFailure(run, limits, lastLine, frames, stderr);
        return new TestVerdict(false, true, bound(failure, stderr), "The answer was runnable Python.",
                "The code ran but failed: " + failure);
    }

    private static String describeFailure(SandboxRun run, SandboxLimits limits, String lastLine, List<Frame> frames,
                                          String stderr) {
        if (run.ending() != SandboxRun.Ending.RAISED || !run.outsideWrites().isEmpty()) {
            return "The run did not pass: " + run.reason(limits) + ".";
        }
        Frame assertion = frames.stream().filter(f -> f.source().startsWith("assert")).reduce((a, b) -> b).orElse(null);
        Matcher returned = RETURNED.matcher(stderr);
        String got = returned.find() ? " (" + returned.group(1) + ")" : "";
        String reason = run.reason(limits);
        String context = reason.equals("it raised an exception") ? "" : " (" + reason + ")";
        if (lastLine.startsWith("AssertionError") && assertion != null) {
            return "Failed assertion: `" + assertion.source() + "`" + got + ".";
        }
        if (assertion != null) {
            return "`" + assertion.source() + "` raised " + lastLine + context + ".";
        }
        return "The program raised " + lastLine + context + ".";
    }

    private static String bound(String head, String stderr) {
        String tail = stderr.strip();
        String text = tail.isEmpty() ? head : head + "\nstderr (end):\n" + tail;
        return text.length() <= MAX_FEEDBACK_CHARS ? text
                : head.length() >= MAX_FEEDBACK_CHARS - 40 ? head.substring(0, MAX_FEEDBACK_CHARS - 40) + " [cut]"
                : head + "\nstderr (end):\n[...]" + tail.substring(tail.length() - (MAX_FEEDBACK_CHARS - head.length() - 25));
    }

    private record Frame(int line, String function, String source) {
    }

    private static List<Frame> frames(String stderr) {
        Matcher m = FRAME.matcher(stderr);
        java.util.ArrayList<Frame> frames = new java.util.ArrayList<>();
        while (m.find()) {
            frames.add(new Frame(Integer.parseInt(m.group(1)), m.group(2) == null ? "" : m.group(2), m.group(3).strip()));
        }
        return frames;
    }
}
