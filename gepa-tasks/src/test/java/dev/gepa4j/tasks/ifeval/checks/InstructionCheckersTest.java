package dev.gepa4j.tasks.ifeval.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every checker against hand-made responses that follow and that break its instruction. */
class InstructionCheckersTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // id, kwargs, a response that follows, a response that does not, what the failure must say
                c("punctuation:no_comma", Map.of(), "No commas here. None at all.",
                        "One, two, three, four, five.", "asked for no commas, found 4"),
                c("length_constraints:number_words", Map.of("relation", "at least", "num_words", 5),
                        "one two three four five", "one two three four", "asked for at least 5 words, got 4"),
                c("length_constraints:number_words", Map.of("relation", "less than", "num_words", 5),
                        "one two three four", "one two three four five", "asked for less than 5 words, got 5"),
                c("length_constraints:number_sentences", Map.of("relation", "less than", "num_sentences", 3),
                        "Dr. Smith arrived at 3.5 p.m. today. He left!",
                        "It rained. We stayed in. Then it stopped?", "asked for less than 3 sentences, got 3"),
                c("length_constraints:number_sentences", Map.of("relation", "at least", "num_sentences", 2),
                        "First one. Second one", "Only one sentence here.", "asked for at least 2 sentences, got 1"),
                c("length_constraints:number_paragraphs", Map.of("num_paragraphs", 2),
                        "First part.\n\n***\n\nSecond part.", "First part.\n\nSecond part.",
                        "asked for 2 paragraphs separated by ***, got 1"),
                c("length_constraints:number_paragraphs", Map.of("num_paragraphs", 3),
                        "***\nA\n***\nB\n***\nC", "A\n***\n\n***\nB\n***\nC", "found an empty paragraph"),
                c("length_constraints:nth_paragraph_first_word",
                        Map.of("num_paragraphs", 3, "nth_paragraph", 2, "first_word", "summer"),
                        "Intro here.\n\n\"Summer, at last.\"\n\nThe end.", "Intro here.\n\nWinter came.\n\nThe end.",
                        "it starts with 'winter'"),
                c("keywords:existence", Map.of("keywords", List.of("river", "stone")),
                        "The River ran past a stone.", "The river ran past a rock.", "missing 'stone'"),
                c("keywords:forbidden_words", Map.of("forbidden_words", List.of("bad", "evil")),
                        "A badge and a bath are fine.", "Bad, bad dog.", "found 'bad' 2 times"),
                c("keywords:frequency", Map.of("keyword", "moon", "relation", "at least", "frequency", 2),
                        "Moon after moon.", "The moonlight and one moon.", "found it 1 times"),
                c("keywords:frequency", Map.of("keyword", "moon", "relation", "less than", "frequency", 2),
                        "One moon.", "Moon, moon.", "asked for the word 'moon' less than 2 times, found it 2 times"),
                c("keywords:letter_frequency", Map.of("letter", "z", "let_relation", "at least", "let_frequency", 3),
                        "Zebras zigzag lazily.", "Zebras run.", "found it 1 times"),
                c("keywords:letter_frequency", Map.of("letter", "o", "let_relation", "less than", "let_frequency", 2),
                        "A cat.", "Good food.", "found it 4 times"),
                c("detectable_format:number_highlighted_sections", Map.of("num_highlights", 2),
                        "*one* and **two**", "*one* and ** ** and plain", "found 1"),
                c("detectable_format:title", Map.of(), "<<My Poem>>\nRoses.", "<< >>\nRoses.", "found none"),
                c("detectable_format:number_bullet_lists", Map.of("num_bullets", 2),
                        "List:\n* first\n- second", "List:\n* first\n* second\n* third\n**bold** line",
                        "asked for exactly 2 bullet points (lines starting with * or -), got 3"),
                c("detectable_format:json_format", Map.of(),
                        "```json\n{\"a\": [1, 2]}\n```", "Here it is: {\"a\": 1}", "it does not parse"),
                c("detectable_format:multiple_sections", Map.of("section_spliter", "SECTION", "num_sections", 2),
                        "SECTION 1\nAlpha\nSECTION 2\nBeta", "SECTION 1\nAlpha\nSection two\nBeta",
                        "asked for 2 sections marked 'SECTION N', found 1"),
                c("detectable_format:constrained_response", Map.of(), "My answer is maybe.", "Maybe, I think.",
                        "found none"),
                c("change_case:english_lowercase", Map.of(), "all quiet here.", "all quiet Here, said I.",
                        "found 2 capital letters (first in 'Here')"),
                c("change_case:english_capital", Map.of(), "ALL LOUD HERE!", "ALL LOUD hERE!",
                        "found 1 lowercase letter (first in 'hERE')"),
                c("change_case:capital_word_frequency", Map.of("capital_relation", "less than",
                        "capital_frequency", 2), "Only ONE loud word.", "NOTE: I am LOUD.",
                        "asked for less than 2 words in all capitals, got 3"),
                c("detectable_content:number_placeholders", Map.of("num_placeholders", 2),
                        "Dear [name], see [address].", "Dear [name], see you.", "found 1"),
                c("detectable_content:postscript", Map.of("postscript_marker", "P.S."),
                        "Bye.\n\nP.S. Call me.", "Bye. Call me.", "found none"),
                c("detectable_content:postscript", Map.of("postscript_marker", "P.P.S"),
                        "Bye.\nP.S. one\n*P.P.S two*", "Bye.\nP.S. one", "starting with 'P.P.S'"),
                c("startend:end_checker", Map.of("end_phrase", "Any other questions?"),
                        "That is all. Any other questions?  ", "Any other questions? Bye.",
                        "it ends with 'Any other questions? Bye.'"),
                c("startend:quotation", Map.of(), "  \"Quoted all the way.\"\n", "\"Quoted only at the start.",
                        "it starts with '\"' and ends with '.'"),
                c("combination:repeat_prompt", Map.of("prompt_to_repeat", "Write a haiku about rain."),
                        "write a haiku  about rain.\nRain falls softly.", "Here: Write a haiku about rain.",
                        "the response begins 'Here: Write a haiku about rain.'"),
                c("combination:two_responses", Map.of(), "Answer one.\n******\nAnswer two.",
                        "Same.\n******\nSame.", "got the same response twice"),
                c("language:response_language", Map.of("language", "hi"), "यह एक छोटा उत्तर है।",
                        "This is an English answer.", "0% of its letters are in the Devanagari script"),
                c("language:response_language", Map.of("language", "de"),
                        "Das ist eine kurze Antwort, und sie ist nicht lang.",
                        "This is the answer and it is short.", "it reads as English"));
    }

    private static Arguments c(String id, Map<String, Object> kwargs, String pass, String fail, String failSays) {
        return Arguments.of(id, kwargs, pass, fail, failSays);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void judgesHandMadeResponses(String id, Map<String, Object> kwargs, String pass, String fail, String failSays) {
        InstructionChecker checker = InstructionCheckers.forId(id).orElseThrow();
        InstructionArgs args = InstructionArgs.of(id, kwargs);

        CheckOutcome followed = checker.check(pass, args);
        CheckOutcome broken = checker.check(fail, args);

        assertThat(followed.followed()).as("%s should pass: %s", id, followed.measured()).isTrue();
        assertThat(broken.followed()).as("%s should fail: %s", id, broken.measured()).isFalse();
        assertThat(broken.measured()).contains(failSays);
    }

    @Test
    void everyCoveredInstructionHasAHandMadeCase() {
        List<String> tested = cases().map(a -> (String) a.get()[0]).distinct().sorted().toList();
        assertThat(tested).containsExactlyElementsOf(InstructionCheckers.coveredIds());
    }

    @Test
    void aMissingParameterIsADataErrorNamingIt() {
        InstructionChecker words = InstructionCheckers.forId("length_constraints:number_words").orElseThrow();
        assertThatThrownBy(() -> words.check("text", InstructionArgs.of("length_constraints:number_words",
                Map.of("relation", "at least"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks its 'num_words' parameter");
        assertThatThrownBy(() -> words.check("text", InstructionArgs.of("length_constraints:number_words",
                Map.of("relation", "about", "num_words", 3))))
                .hasMessageContaining("relation 'about' is neither 'at least' nor 'less than'");
    }

    @Test
    void anUnknownInstructionIsNotChecked() {
        assertThat(InstructionCheckers.forId("detectable_format:haiku")).isEmpty();
    }
}
