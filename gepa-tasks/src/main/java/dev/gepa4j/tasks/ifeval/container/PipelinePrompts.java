package dev.gepa4j.tasks.ifeval.container;

/**
 * The seed texts of the two fields and the fixed framing of each stage's user message. The framing wraps texts in
 * {@code <request>} and {@code <draft>} tags so a model can tell the request from the draft.
 */
public final class PipelinePrompts {
    /** Field of stage one. */
    public static final String DRAFT_FIELD = "draft_prompt";
    /** Field of stage two. */
    public static final String REVISE_FIELD = "revise_prompt";

    /** A deliberately plain start, so that there is something to learn. */
    public static final String SEED_DRAFT = "You are a helpful assistant. Answer the user's request.";
    public static final String SEED_REVISE = "You are an editor. Improve the draft answer to the request. "
            + "Reply with the improved answer only.";

    private PipelinePrompts() {
    }

    /** The user message of stage one. */
    public static String draftInput(String request) {
        return "<request>\n" + request + "\n</request>";
    }

    /** The user message of stage two. */
    public static String reviseInput(String request, String draft) {
        return "<request>\n" + request + "\n</request>\n\n<draft>\n" + draft + "\n</draft>";
    }
}
