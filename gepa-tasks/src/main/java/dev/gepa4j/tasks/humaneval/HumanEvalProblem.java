package dev.gepa4j.tasks.humaneval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HumanEval problem.
 *
 * @param taskId            e.g. {@code HumanEval/0}
 * @param prompt            imports, the signature and the docstring, as given to the model
 * @param entryPoint        the name of the function under test
 * @param canonicalSolution the reference body (never shown to the policy or the proposer)
 * @param test              Python source defining {@code check(candidate)}
 */
public record HumanEvalProblem(String taskId, String prompt, String entryPoint, String canonicalSolution, String test) {
    private static final Pattern ASSERT = Pattern.compile("(?m)^\\s*assert\\b");

    /** How many assert statements the tests hold. */
    public int assertionCount() {
        Matcher m = ASSERT.matcher(test);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
