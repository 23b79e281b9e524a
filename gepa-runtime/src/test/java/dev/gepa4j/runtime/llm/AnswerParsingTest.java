package dev.gepa4j.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerParsingTest {

    @Test
    void aLongerFenceKeepsTripleBackticksInsideTheText() {
        var blocks = FencedBlocks.scan("````\nAnswer as:\n```json\n{}\n```\n````\n");

        assertThat(blocks.balanced()).isTrue();
        assertThat(blocks.blocks()).containsExactly("Answer as:\n```json\n{}\n```");
    }

    @Test
    void aThinkBlockIsIgnoredAndAnUnclosedOneIsRejected() {
        var ok = AnswerReader.read(new ChatReply("<think>```\nscratch\n```</think>\n```\nNew text\n```", false, "stop",
                1, 1), "Old text", 1, EditMode.REWRITE, 3, Set.of());
        var cut = AnswerReader.read(new ChatReply("```\nNew text\n```\n<think>and then", false, "stop", 1, 1),
                "Old text", 1, EditMode.REWRITE, 3, Set.of());

        assertThat(ok.texts()).containsExactly("New text");
        assertThat(cut.rejection()).contains("unclosed <think>");
    }

    @Test
    void aSearchTextThatOccursTwiceIsRefused() {
        var edits = SearchReplaceEdits.parse("<<<<<<< SEARCH\nlabel\n=======\nintent\n>>>>>>> REPLACE", 3);

        assertThatThrownBy(() -> edits.applyTo("one label, another label")).hasMessageContaining("more than once");
    }

    @Test
    void textOutsideAnEditIsRefused() {
        assertThatThrownBy(() -> SearchReplaceEdits.parse("Here are my edits:\n<<<<<<< SEARCH\na\n=======\nb\n"
                + ">>>>>>> REPLACE", 3)).hasMessageContaining("line 1 is outside");
    }

    @Test
    void aCustomMetaPromptWithoutTheCurrentTextIsRefusedNamingThePlaceholder() {
        assertThatThrownBy(() -> MetaPrompt.of("Improve it. {{answer_format}}", "test"))
                .hasMessageContaining("{{current_text}}");
        assertThatThrownBy(() -> MetaPrompt.of("{{current_text}} {{answer_format}} {{traces}}", "test"))
                .hasMessageContaining("[traces]");
    }

    @Test
    void placeholderValuesAreInsertedVerbatim() {
        String out = MetaPrompt.of("A {{current_text}} B {{answer_format}}", "test")
                .render(Map.of("current_text", "{{answer_format}} $1 \\", "answer_format", "F"));

        assertThat(out).isEqualTo("A {{answer_format}} $1 \\ B F");
    }

    @Test
    void unknownProviderAndEditModeErrorsListTheAcceptedValues() {
        assertThatThrownBy(() -> LlmProvider.parse("gemini")).hasMessageContaining("openai, anthropic");
        assertThatThrownBy(() -> EditMode.parse("patch")).hasMessageContaining("\"rewrite\"");
        assertThatThrownBy(() -> LlmProposerSettings.of("openai", "m", null, "sk-abc-123", null, null, null, null,
                null, null, null, null, null)).hasMessageContaining("NAME of an environment variable");
    }
}
