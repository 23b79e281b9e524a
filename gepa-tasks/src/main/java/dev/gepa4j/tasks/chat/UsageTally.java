package dev.gepa4j.tasks.chat;

import dev.gepa4j.core.model.Usage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/** Adds up the tokens of the chat calls one rollout makes. Not thread-safe: one per rollout. */
public final class UsageTally {
    private long prompt;
    private long completion;

    /** Counts one response's reported tokens (a server that reports none adds nothing). */
    public void add(ChatResponse response) {
        TokenUsage usage = response == null ? null : response.tokenUsage();
        if (usage == null) {
            return;
        }
        prompt += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        completion += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    }

    /** The total so far; cost is unknown here and reported as 0. */
    public Usage total() {
        return Usage.of(prompt, completion, 0.0);
    }
}
