package dev.gepa4j.runtime.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Markdown fenced code blocks in a model answer, the way CommonMark does for backtick fences: an opening line
 * of three or more backticks (an info string such as a language tag may follow), closed by a line of at least as
 * many backticks and nothing else. Shorter or tagged fence lines inside a block are content, so a text that itself
 * contains ``` survives when the model fences it with ````.
 *
 * @param blocks       block contents in order, stripped of surrounding blank space
 * @param unclosedLine 1-based line of a block that was opened and never closed, or 0 when every fence is closed
 */
record FencedBlocks(List<String> blocks, int unclosedLine) {
    private static final Pattern OPEN = Pattern.compile("^ {0,3}(`{3,})([^`]*)$");
    private static final Pattern CLOSE = Pattern.compile("^ {0,3}(`{3,})\\s*$");

    FencedBlocks {
        blocks = List.copyOf(blocks);
    }

    boolean balanced() {
        return unclosedLine == 0;
    }

    static FencedBlocks scan(String answer) {
        String[] lines = answer.replace("\r\n", "\n").split("\n", -1);
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        int fenceLength = 0;
        int openedAt = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (current == null) {
                Matcher open = OPEN.matcher(line);
                if (open.matches()) {
                    current = new StringBuilder();
                    fenceLength = open.group(1).length();
                    openedAt = i + 1;
                }
            } else {
                Matcher close = CLOSE.matcher(line);
                if (close.matches() && close.group(1).length() >= fenceLength) {
                    blocks.add(current.toString().strip());
                    current = null;
                } else {
                    current.append(line).append('\n');
                }
            }
        }
        return new FencedBlocks(blocks, current == null ? 0 : openedAt);
    }

    /** A fence long enough to wrap {@code text} safely (one backtick more than its longest backtick run, min 3). */
    static String fenceFor(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /** {@code text} inside a safe fence. */
    static String fence(String text) {
        String f = fenceFor(text);
        return f + "\n" + text + "\n" + f;
    }
}
