package dev.gepa4j.tasks.banking77.container;

/** The proposer hints of the Banking77 container: how the embedded policy reads a prompt. */
final class PromptDialectGuide {
    static final String TEXT = """
            The embedded policy reads the system prompt as a plain-English decision policy, one statement per line:
            - a label description: "card_arrival: the customer ordered a card and it has not arrived yet" with optional
              example phrases in quotes, e.g. "card_arrival: ... e.g. "where is my new card""; the label must be one of
              the 77 labels exactly; a description moves the label's meaning towards its words (a wrong one hurts);
            - a disambiguation rule: "If the message mentions "pending" and "top up", prefer pending_top_up over top_up_failed."
            Any other line is a free instruction. Labels without a description are known only by their name.
            Every wrong answer's feedback starts with "Expected <gold> but the prompt led to <predicted>."
            """;

    private PromptDialectGuide() {
    }
}
