package dev.gepa4j.tasks.chat;

/**
 * Which chat model a rollout's policy resolved to; safe to log and to put in a trace (it holds no key).
 *
 * @param baseUrl the OpenAI-compatible base URL, e.g. {@code http://127.0.0.1:8089/v1}
 * @param model   the model name sent in each request
 * @param source  where the choice came from, in words (the rollout's policy, or the container's environment)
 */
public record PolicyModelChoice(String baseUrl, String model, String source) {

    /** For traces: {@code model at base_url (source)}. */
    public String describe() {
        return model + " at " + baseUrl + " (" + source + ")";
    }
}
