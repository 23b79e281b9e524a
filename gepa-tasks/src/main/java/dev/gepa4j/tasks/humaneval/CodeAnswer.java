package dev.gepa4j.tasks.humaneval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code in a model's answer and the program that tests it. The code is the first fenced block of the answer
 * (any info string) when there is one, else the whole answer. The program follows HumanEval's recipe, {@code prompt +
 * code + test + check(entry_point)}: an answer holding the whole function (a {@code def} of the entry point at the
 * start of a line) redefines it after the prompt's stub; an answer holding only the body completes the prompt.
 *
 * @param code      the code taken from the answer
 * @param fenced    whether it came from a fenced block
 * @param program   the Python program the sandbox runs
 * @param codeFirstLine the line of {@code program} where the code starts (1-based), to tell an error in the answer
 *                      from one in the tests
 * @param codeLastLine  the line where the code ends
 */
public record CodeAnswer(String code, boolean fenced, String program, int codeFirstLine, int codeLastLine) {
    private static final Pattern FENCE = Pattern.compile("(?s)(`{3,})[^\\n`]*\\n(.*?)\\n?\\1");

    /** Reads {@code answer} as a solution to {@code problem}. */
    public static CodeAnswer of(HumanEvalProblem problem, String answer) {
        String text = answer == null ? "" : answer.replace("\r\n", "\n");
        Matcher m = FENCE.matcher(text);
        boolean fenced = m.find();
        String code = (fenced ? m.group(2) : text).replaceFirst("^(?:[ \\t]*\\n)+", "").stripTrailing();
        boolean wholeFunction = Pattern.compile("(?m)^def\\s+" + Pattern.quote(problem.entryPoint()) + "\\s*\\(")
                .matcher(code).find();
        String head = wholeFunction ? problem.prompt() + "    pass\n\n" : problem.prompt();
        String body = wholeFunction ? code : indentedBody(code);
        int first = lines(head) + 1;
        String program = head + body + "\n\n" + problem.test() + "\n\ncheck(" + problem.entryPoint() + ")\n";
        return new CodeAnswer(code, fenced, program, first, first + Math.max(0, lines(body) - 1));
    }

    /** True when {@code line} (1-based, of the program) lies in the code taken from the answer. */
    public boolean inCode(int line) {
        return line >= codeFirstLine && line <= codeLastLine;
    }

    private static String indentedBody(String code) {
        String firstLine = code.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (firstLine.startsWith(" ") || firstLine.startsWith("\t") || code.isBlank()) {
            return code;
        }
        return code.lines().map(l -> l.isBlank() ? l : "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static int lines(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }
}
