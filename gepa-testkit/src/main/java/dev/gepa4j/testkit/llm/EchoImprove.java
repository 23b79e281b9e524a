package dev.gepa4j.testkit.llm;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in "echo-improve" answer: takes the text in the first fenced block of the prompt (where gepa4j's
 * meta-prompt shows the current text) and answers with that text plus one numbered advice line, fenced. When the
 * prompt asks for SEARCH/REPLACE edits, it answers with one append edit instead. Each answer differs from the last
 * (the line is numbered), so a run against it produces distinct candidates. Deterministic given the call order.
 */
final class EchoImprove {
    private static final List<String> ADVICE = List.of(
            "Before answering, restate the key facts of the input in one short sentence.",
            "When two answers look plausible, choose the one the input states most directly.",
            "Answer in exactly the output format the task asks for, and nothing else.",
            "Check the answer against every rule above before giving it.");
    private final AtomicInteger calls = new AtomicInteger();

    String answer(String prompt) {
        int n = calls.incrementAndGet();
        String line = ADVICE.get((n - 1) % ADVICE.size()) + " (revision " + n + ")";
        if (prompt.contains("<<<<<<< SEARCH")) {
            return "PROPOSAL 1\n```\n<<<<<<< SEARCH\n=======\n" + line + "\n>>>>>>> REPLACE\n```\n";
        }
        String current = firstFencedBlock(prompt);
        String improved = current.isBlank() ? line : current.strip() + "\n" + line;
        String fence = improved.contains("```") ? "````" : "```";
        return "PROPOSAL 1\n" + fence + "\n" + improved + "\n" + fence + "\n";
    }

    static String firstFencedBlock(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("```")) {
                int len = l.length() - l.replaceFirst("^`+", "").length();
                StringBuilder sb = new StringBuilder();
                for (int j = i + 1; j < lines.length; j++) {
                    String c = lines[j].strip();
                    if (c.matches("`{" + len + ",}")) {
                        return sb.toString();
                    }
                    sb.append(lines[j]).append('\n');
                }
                return sb.toString();
            }
        }
        return "";
    }
}
