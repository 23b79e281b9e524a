package dev.gepa4j.testkit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class IfevalPipelineScriptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = "Write a short note about tea. Do not use any commas in your response. "
            + "Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>.";

    private static JsonNode chat(String system, String user) {
        ObjectNode body = JSON.createObjectNode().put("model", "m");
        body.putArray("messages").add(JSON.createObjectNode().put("role", "system").put("content", system))
                .add(JSON.createObjectNode().put("role", "user").put("content", user));
        return body;
    }

    @Test
    void recognisesTheInstructionsOfARequest() {
        var demands = IfevalDemand.read("Write at least 300 words. Highlight at least 2 sections with markdown. "
                + "Finish your response with this exact phrase \"Is there anything else I can help with?\". "
                + "Include a postscript starting with P.P.S");

        assertThat(demands.get(IfevalKind.WORDS).number()).isEqualTo(300);
        assertThat(demands.get(IfevalKind.WORDS).atLeast()).isTrue();
        assertThat(demands.get(IfevalKind.HIGHLIGHTS).number()).isEqualTo(2);
        assertThat(demands.get(IfevalKind.END_PHRASE).text()).isEqualTo("Is there anything else I can help with?");
        assertThat(demands.get(IfevalKind.POSTSCRIPT).text()).isEqualTo("P.P.S");
        assertThat(demands).doesNotContainKey(IfevalKind.NO_COMMA);
    }

    @Test
    void aDraftIsDeterministicAndFollowsWhatItsSystemPromptSpellsOut() {
        String user = "<request>\n" + REQUEST + "\n</request>";
        String plain = IfevalPipelineScript.answer(chat("Answer the request.", user)).orElseThrow();
        String spelled = IfevalPipelineScript.answer(chat("Never use a comma. Add a title. Give the answer only, "
                + "no preamble.", user)).orElseThrow();

        assertThat(IfevalPipelineScript.answer(chat("Answer the request.", user))).contains(plain);
        assertThat(plain).startsWith(IfevalPipelineScript.PREAMBLE);
        assertThat(spelled).doesNotContain(",").contains("<<").doesNotStartWith(IfevalPipelineScript.PREAMBLE);
    }

    @Test
    void theReviseStageEditsTheDraftItIsGiven() {
        String draft = IfevalPipelineScript.PREAMBLE + "\n\nTea is warm, calm, and kind.";
        String user = "<request>\n" + REQUEST + "\n</request>\n\n<draft>\n" + draft + "\n</draft>";

        String revised = IfevalPipelineScript.answer(chat("Reply with the improved answer only. Remove every comma. "
                + "Add a title. No closing remark.", user)).orElseThrow();

        assertThat(revised).doesNotStartWith(IfevalPipelineScript.PREAMBLE).contains("Tea is warm")
                .doesNotContain(",").contains("<<").doesNotContain(IfevalPipelineScript.CLOSING);
    }

    @Test
    void theProposerAddsGuidanceForTheMostFrequentFailureNotYetCovered() {
        String meta = "You are refining one piece of text, the component \"draft_prompt\", inside a program.\n"
                + "## Current text of \"draft_prompt\"\n```\nAnswer the request.\n```\n"
                + "Feedback: Followed 0 of 2 checked instructions.\n"
                + "FAILED punctuation:no_comma: asked for no commas, found 3\n"
                + "FAILED detectable_format:title: asked for a title in double angular brackets (<<title>>), found none\n"
                + "Feedback: Followed 0 of 1.\nFAILED punctuation:no_comma: asked for no commas, found 1\n"
                + "Write 1 alternative new version(s) of \"draft_prompt\".";

        String answer = IfevalPipelineScript.answer(chat("", meta)).orElseThrow();
        String second = IfevalPipelineScript.answer(chat("", meta + "\n" + IfevalKind.NO_COMMA.guidance()))
                .orElseThrow();

        assertThat(answer).startsWith("PROPOSAL 1\n```\nAnswer the request.\n" + IfevalKind.NO_COMMA.guidance());
        assertThat(second).contains(IfevalKind.TITLE.guidance()).doesNotContain(IfevalKind.NO_COMMA.guidance());
    }

    @Test
    void otherRequestsAreLeftToTheOtherAnswers() {
        assertThat(IfevalPipelineScript.answer(chat("You classify intents.", "I lost my card"))).isEmpty();
    }

    @Test
    void theServerAnswersAStageRequestOverHttp() throws Exception {
        try (OpenAiCompatibleTestServer server = OpenAiCompatibleTestServer.start()) {
            String body = chat("Answer.", "<request>\n" + REQUEST + "\n</request>").toString();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/chat/completions")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            String content = JSON.readTree(r.body()).at("/choices/0/message/content").asText();
            assertThat(content).contains("This answer looks at").doesNotContain("PROPOSAL");
        }
    }
}
