package dev.gepa4j.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The test double's scripted behaviour for one built-in task's policy requests. A script recognises its task's
 * requests by their shape (the tools they declare, the container's fixed framing) and answers them
 * deterministically from the request alone, so many rollouts may run at once. It answers only when the server's
 * own FIFO script is empty, before the echo-improve fallback. Implementations must be thread-safe.
 */
public interface TaskScript {

    /**
     * The reply to a chat-completions request body, or empty when the request is not this script's.
     *
     * @param request the parsed request body
     */
    Optional<ScriptedReply> answer(JsonNode request);
}
