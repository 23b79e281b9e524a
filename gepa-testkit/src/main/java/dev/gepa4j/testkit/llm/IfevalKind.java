package dev.gepa4j.testkit.llm;

import java.util.regex.Pattern;

/**
 * TEST DOUBLE knowledge of IFEval-style instructions, for {@link IfevalPipelineScript}: each kind the double can
 * follow, the words in a system prompt that make the double pay attention to it, the IFEval instruction id it
 * answers to, and the guidance sentence the double's proposer writes into a prompt when that instruction fails.
 * The guidance of one kind never contains another kind's attention words, so one rewrite teaches one thing.
 *
 * <p>The order of the constants is the order in which the double applies them to an answer.
 */
enum IfevalKind {
    WORDS("word count|number of words", "length_constraints:number_words",
            "Respect the word count the request names: count the words and stay on the right side of the limit."),
    SECTIONS("section", "detectable_format:multiple_sections",
            "When the request asks for numbered sections, start each one with its marker and number, like SECTION 1."),
    PARAGRAPHS("\\*\\*\\*|divider", "length_constraints:number_paragraphs",
            "When the request asks for paragraphs separated by ***, write exactly that many with the *** divider "
                    + "between them."),
    BULLETS("bullet", "detectable_format:number_bullet_lists",
            "When the request asks for bullet points, give exactly the number asked, each line starting with '* '."),
    HIGHLIGHTS("highlight", "detectable_format:number_highlighted_sections",
            "When the request asks to highlight parts, mark at least as many as asked *like this*."),
    PLACEHOLDERS("placeholder", "detectable_content:number_placeholders",
            "When the request asks for placeholders, include at least that many in square brackets, like [name]."),
    TITLE("title", "detectable_format:title",
            "When the request asks for a title, put it first, wrapped in double angular brackets: <<Title>>."),
    CONSTRAINED("my answer is", "detectable_format:constrained_response",
            "When the request offers fixed choices such as 'My answer is yes.', include one of them word for word."),
    POSTSCRIPT("postscript", "detectable_content:postscript",
            "When the request asks for a postscript, add a last line that starts with the marker it names (P.S. "
                    + "or P.P.S)."),
    REPEAT("repeat", "combination:repeat_prompt",
            "When the request says to repeat it first, begin with the request copied exactly, then answer."),
    END_PHRASE("exact phrase|end with", "startend:end_checker",
            "When the request names an exact phrase to end with, make it the very last words and add nothing after."),
    LOWERCASE("lowercase|lower case", "change_case:english_lowercase",
            "When the request asks for lowercase only, write every letter in lowercase, even names and the word i."),
    CAPITALS("capital letters|uppercase|upper case", "change_case:english_capital",
            "When the request asks for all capital letters, write every letter in uppercase."),
    NO_COMMA("comma", "punctuation:no_comma",
            "When the request forbids commas, write without a single comma."),
    TWO_RESPONSES("two responses|two different responses|six asterisks", "combination:two_responses",
            "When the request asks for two different responses, give two and put a line of six asterisks between "
                    + "them."),
    JSON("json", "detectable_format:json_format",
            "When the request asks for JSON, reply with one JSON object and nothing outside it."),
    QUOTATION("quotation|double quotes", "startend:quotation",
            "When the request asks to wrap the response in double quotes, make the first and last characters \".");

    private final Pattern attention;
    private final String instructionId;
    private final String guidance;

    IfevalKind(String attention, String instructionId, String guidance) {
        this.attention = Pattern.compile(attention, Pattern.CASE_INSENSITIVE);
        this.instructionId = instructionId;
        this.guidance = guidance;
    }

    /** Whether a system prompt spells this kind out, so the double is likely to follow it. */
    boolean spelledOutIn(String systemPrompt) {
        return attention.matcher(systemPrompt).find();
    }

    String instructionId() {
        return instructionId;
    }

    String guidance() {
        return guidance;
    }

    static IfevalKind forInstructionId(String id) {
        for (IfevalKind k : values()) {
            if (k.instructionId.equals(id)) {
                return k;
            }
        }
        return null;
    }
}
