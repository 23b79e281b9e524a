package dev.gepa4j.runtime.llm;

/**
 * One chat turn with a reflection model: a user message in, the model's text, finish state and token counts out.
 *
 * <p>Implementations throw {@link ModelCallException} when no usable HTTP answer arrived (HTTP error status, connect
 * error, timeout); anything the model did answer, however bad, is returned as a {@link ChatReply}.
 */
public interface ChatClient {

    ChatReply chat(String userMessage);

    /** The model name, for pricing. */
    String modelName();
}
