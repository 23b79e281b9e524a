package dev.gepa4j.runtime.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded list of SEARCH/REPLACE edits, as the edit-mode meta-prompt asks for them:
 *
 * <pre>
 * &lt;&lt;&lt;&lt;&lt;&lt;&lt; SEARCH
 * exact text from the current version (empty: append at the end)
 * =======
 * what replaces it (empty: delete)
 * &gt;&gt;&gt;&gt;&gt;&gt;&gt; REPLACE
 * </pre>
 *
 * <p>Parsing and applying throw {@link IllegalArgumentException} with a message fit for the proposal record
 * (which edit, what was wrong); the proposer turns it into a rejection.
 */
record SearchReplaceEdits(List<Edit> edits) {

    /** One edit; an empty search appends. */
    record Edit(String search, String replace) {
    }

    SearchReplaceEdits {
        edits = List.copyOf(edits);
    }

    static SearchReplaceEdits parse(String block, int maxEdits) {
        List<Edit> edits = new ArrayList<>();
        String[] lines = block.replace("\r\n", "\n").split("\n", -1);
        int state = 0; // 0 outside, 1 in SEARCH, 2 in REPLACE
        StringBuilder search = new StringBuilder();
        StringBuilder replace = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (state == 0) {
                if (t.matches("<{5,9}\\s*SEARCH")) {
                    state = 1;
                    search.setLength(0);
                    replace.setLength(0);
                } else if (!t.isEmpty()) {
                    throw new IllegalArgumentException("line " + (i + 1) + " is outside any SEARCH/REPLACE edit: '"
                            + abbreviate(t) + "'");
                }
            } else if (state == 1) {
                if (t.matches("={5,9}")) {
                    state = 2;
                } else {
                    search.append(line).append('\n');
                }
            } else if (t.matches(">{5,9}\\s*REPLACE")) {
                edits.add(new Edit(chomp(search), chomp(replace)));
                state = 0;
            } else {
                replace.append(line).append('\n');
            }
        }
        if (state != 0) {
            throw new IllegalArgumentException("edit " + (edits.size() + 1) + " is not closed with >>>>>>> REPLACE");
        }
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("no SEARCH/REPLACE edit found in the block");
        }
        if (edits.size() > maxEdits) {
            throw new IllegalArgumentException(edits.size() + " edits, at most " + maxEdits + " allowed per proposal");
        }
        return new SearchReplaceEdits(edits);
    }

    /** Applies the edits in order; each SEARCH must occur exactly once in the text as edited so far. */
    String applyTo(String original) {
        String text = original.replace("\r\n", "\n");
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            if (e.search().isEmpty()) {
                text = text.isEmpty() || text.endsWith("\n") ? text + e.replace() : text + "\n" + e.replace();
                continue;
            }
            int at = text.indexOf(e.search());
            if (at < 0) {
                throw new IllegalArgumentException("edit " + (i + 1) + ": SEARCH text not found in the current text: '"
                        + abbreviate(e.search()) + "'");
            }
            if (text.indexOf(e.search(), at + 1) >= 0) {
                throw new IllegalArgumentException("edit " + (i + 1) + ": SEARCH text occurs more than once; it must "
                        + "match exactly one place: '" + abbreviate(e.search()) + "'");
            }
            text = text.substring(0, at) + e.replace() + text.substring(at + e.search().length());
        }
        return text;
    }

    private static String chomp(StringBuilder sb) {
        return sb.length() > 0 && sb.charAt(sb.length() - 1) == '\n' ? sb.substring(0, sb.length() - 1) : sb.toString();
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
