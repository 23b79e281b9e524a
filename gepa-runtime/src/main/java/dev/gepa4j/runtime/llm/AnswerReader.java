package dev.gepa4j.runtime.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one model answer for one field into new texts, or says why it cannot be used.
 *
 * <p>Whole-answer rejections: truncated (finish reason length), empty, an unclosed {@code <think>} block or fence
 * (both signs of a cut-off answer), and no fenced block at all. An unfenced answer is <b>rejected</b>, not taken
 * whole as the reference implementation does: a bare answer is where chatter ("Here is the improved prompt:") and
 * cut-off reasoning leak into prompts.
 *
 * <p>Per-proposal drops (the others are kept): empty, identical to the current text, identical to an earlier
 * rejected attempt or to another proposal, unparsable or inapplicable edits. When every proposal is dropped the
 * answer is rejected with each one's reason.
 */
final class AnswerReader {
    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");

    /** Either texts (non-empty) or a reason. */
    record Reading(List<String> texts, String rejection) {
    }

    private AnswerReader() {
    }

    static Reading read(ChatReply reply, String currentText, int count, EditMode mode, int maxEdits,
                        Set<String> rejectedTexts) {
        if (reply.truncated()) {
            return reject("answer truncated: the model stopped at its token limit (finish_reason="
                    + reply.finishReason() + "); raise max_tokens or ask for fewer proposals per call");
        }
        String text = THINK.matcher(reply.text()).replaceAll("");
        if (text.isBlank()) {
            return reject("empty answer (finish_reason=" + reply.finishReason() + ")");
        }
        if (text.contains("<think>")) {
            return reject("unclosed <think> block: the answer looks cut off");
        }
        FencedBlocks fences = FencedBlocks.scan(text);
        if (!fences.balanced()) {
            return reject("unbalanced fence: the block opened on line " + fences.unclosedLine()
                    + " is never closed (answer probably cut off)");
        }
        if (fences.blocks().isEmpty()) {
            return reject("no fenced block in the answer; the meta-prompt asks for each proposal inside ``` fences");
        }
        String current = currentText.strip();
        Set<String> kept = new LinkedHashSet<>();
        List<String> drops = new ArrayList<>();
        List<String> blocks = fences.blocks().subList(0, Math.min(count, fences.blocks().size()));
        for (int i = 0; i < blocks.size(); i++) {
            String label = "proposal " + (i + 1) + ": ";
            String candidate;
            try {
                candidate = mode == EditMode.EDIT
                        ? SearchReplaceEdits.parse(blocks.get(i), maxEdits).applyTo(currentText).strip()
                        : blocks.get(i).strip();
            } catch (IllegalArgumentException bad) {
                drops.add(label + "unusable edits (" + bad.getMessage() + ")");
                continue;
            }
            if (candidate.isEmpty()) {
                drops.add(label + "empty text");
            } else if (candidate.equals(current)) {
                drops.add(label + "identical to the current text");
            } else if (rejectedTexts.contains(candidate)) {
                drops.add(label + "repeats an earlier rejected attempt");
            } else if (!kept.add(candidate)) {
                drops.add(label + "duplicate of an earlier proposal in the same answer");
            }
        }
        if (kept.isEmpty()) {
            return reject(String.join("; ", drops));
        }
        return new Reading(List.copyOf(kept), null);
    }

    private static Reading reject(String reason) {
        return new Reading(List.of(), reason);
    }
}
