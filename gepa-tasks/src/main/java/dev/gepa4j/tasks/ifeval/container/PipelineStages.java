package dev.gepa4j.tasks.ifeval.container;

import dev.gepa4j.core.model.PolicySpec;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/** One chat call per stage: the field's text is the system message, the framed input the user message. */
final class PipelineStages {
    private final ChatModel model;
    private final Integer maxTokens;

    PipelineStages(ChatModel model, PolicySpec policy) {
        this.model = model;
        this.maxTokens = policy == null ? null : policy.maxTokens();
    }

    StageReply run(String systemPrompt, String userMessage) {
        ChatRequest.Builder request = ChatRequest.builder()
                .messages(SystemMessage.from(systemPrompt), UserMessage.from(userMessage));
        if (maxTokens != null) {
            request.maxOutputTokens(maxTokens);
        }
        ChatResponse response = model.chat(request.build());
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                : response.aiMessage().text();
        TokenUsage usage = response.tokenUsage();
        int prompt = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int completion = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        return new StageReply(text, prompt, completion);
    }
}
