package dev.gepa4j.examples.quickstart;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A STAND-IN for the reflection model (the LLM that reads failures and rewrites a prompt), so that the quickstart
 * runs offline. It does what a good reflection model would do here: it reads the metric's feedback on each failed
 * ticket ("expected billing (the ticket is about refund)") and answers with the current text plus one routing rule
 * per failure. Replace it with a real model (see README / docs/library.md).
 */
final class ScriptedReflectionModel implements ChatModel {
    private static final Pattern FEEDBACK = Pattern.compile("expected (\\w+) \\(the ticket is about (\\w+)\\)");

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String prompt = ((UserMessage) request.messages().getLast()).singleText();
        String current = firstFencedBlock(prompt).strip();
        Set<String> rules = new LinkedHashSet<>();
        Matcher m = FEEDBACK.matcher(prompt);
        while (m.find()) {
            String rule = "Tickets about " + m.group(2) + " go to " + m.group(1) + ".";
            if (!current.contains(rule)) {
                rules.add(rule);
            }
        }
        String improved = current + (rules.isEmpty() ? "" : "\n" + String.join("\n", rules));
        return ChatResponse.builder().aiMessage(AiMessage.from("PROPOSAL 1\n```\n" + improved + "\n```\n")).build();
    }

    /** The text of the prompt's first fenced block: where the reflection prompt shows the current text. */
    private static String firstFencedBlock(String text) {
        int open = text.indexOf("```");
        if (open < 0) {
            return "";
        }
        int start = text.indexOf('\n', open) + 1;
        int close = text.indexOf("\n```", start);
        return close < 0 ? text.substring(start) : text.substring(start, close);
    }
}
