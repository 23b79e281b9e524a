package dev.gepa4j.tasks.ifeval.container;

import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.tasks.chat.UsageTally;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * One chat call per stage: the field's text is the system message, the framed input the user message. One per
 * rollout: it adds up the tokens of its calls.
 */
final class PipelineStages {
    private final ChatModel model;
    private final Integer maxTokens;
    private final UsageTally usage = new UsageTally();

    PipelineStages(ChatModel model, PolicySpec policy) {
        this.model = model;
        this.maxTokens = policy == null ? null : policy.maxTokens();
    }

    /** The stage's reply text (empty when the model returns none). */
    String run(String systemPrompt, String userMessage) {
        ChatRequest.Builder request = ChatRequest.builder()
                .messages(SystemMessage.from(systemPrompt), UserMessage.from(userMessage));
        if (maxTokens != null) {
            request.maxOutputTokens(maxTokens);
        }
        ChatResponse response = model.chat(request.build());
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                : response.aiMessage().text();
        usage.add(response);
        return text;
    }

    /** The tokens of every stage run so far. */
    Usage usage() {
        return usage.total();
    }
}
