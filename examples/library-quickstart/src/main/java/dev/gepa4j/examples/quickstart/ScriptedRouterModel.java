package dev.gepa4j.examples.quickstart;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A STAND-IN for a real chat model, so that the quickstart runs offline and gives the same result every time. It
 * behaves like a literal-minded model: it follows routing rules written in its prompts ("Tickets about X go to Y")
 * and otherwise guesses "technical". Replace it with a real model (see README / docs/library.md).
 */
final class ScriptedRouterModel implements ChatModel {
    private static final Pattern RULE = Pattern.compile("tickets about (\\w+) go to (\\w+)");

    @Override
    public ChatResponse doChat(ChatRequest request) {
        StringBuilder prompts = new StringBuilder();
        String ticket = "";
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                prompts.append(s.text()).append('\n');
            } else if (m instanceof UserMessage u) {
                prompts.append(u.singleText()).append('\n');
                // the ticket is what the user message says besides any rules written into its template
                ticket = u.singleText().lines().filter(l -> !RULE.matcher(l.toLowerCase(Locale.ROOT)).find())
                        .reduce("", (a, b) -> a + " " + b);
            }
        }
        String answer = "technical";
        Matcher rule = RULE.matcher(prompts.toString().toLowerCase(Locale.ROOT));
        while (rule.find()) {
            if (ticket.toLowerCase(Locale.ROOT).contains(rule.group(1))) {
                answer = rule.group(2);
                break;
            }
        }
        return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
    }
}
