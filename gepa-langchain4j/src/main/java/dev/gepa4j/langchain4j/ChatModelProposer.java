package dev.gepa4j.langchain4j;

import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.runtime.llm.ChatClient;
import dev.gepa4j.runtime.llm.ChatReply;
import dev.gepa4j.runtime.llm.LlmProposerSettings;
import dev.gepa4j.runtime.llm.ModelCallException;
import dev.gepa4j.runtime.llm.ReflectiveLlmProposer;
import dev.gepa4j.runtime.usage.PriceTable;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * The reflective LLM proposer on a LangChain4j {@link ChatModel} of your own (the same model as the service's, or a
 * stronger one): it shows the model the failures and their feedback and asks for a better text, as
 * {@code [proposer] kind = "llm"} does. A model call that throws is a rejected proposal, and the run goes on.
 */
public final class ChatModelProposer {
    private ChatModelProposer() {
    }

    /** A reflective proposer on {@code model}, priced as {@code modelName} in gepa4j's price table. */
    public static Proposer of(ChatModel model, String modelName) {
        LlmProposerSettings settings = LlmProposerSettings.of("openai", modelName, null, null, null, null, null, 0,
                null, null, null, null, null);
        return new ReflectiveLlmProposer(settings, PriceTable.defaults(), new ModelClient(model, modelName));
    }

    /** {@link #of(ChatModel, String)} named after the model's class. */
    public static Proposer of(ChatModel model) {
        return of(model, model.getClass().getSimpleName());
    }

    /** One user message in, the model's text and token counts out. */
    private record ModelClient(ChatModel model, String modelName) implements ChatClient {
        @Override
        public ChatReply chat(String userMessage) {
            try {
                return ChatReply.of(model.chat(ChatRequest.builder().messages(UserMessage.from(userMessage)).build()));
            } catch (RuntimeException e) {
                throw new ModelCallException("the reflection model (" + modelName + ") failed: " + e, 0, false, null,
                        e);
            }
        }
    }
}
