package dev.gepa4j.testkit.llm.gsm8k;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test double's GSM8K scripts over raw HTTP, on the two problems of this module's fixture (GSM8K lines 0 and
 * 934): the wire shape of a {@code tool_calls} turn, the step-by-step protocol, and that other requests still get
 * the echo-improve answer.
 */
class Gsm8kScriptsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EGGS = "Janet\u2019s ducks lay 16 eggs per day. She eats three for breakfast every "
            + "morning and bakes muffins for her friends every day with four. She sells the remainder at the farmers' "
            + "market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' "
            + "market?";
    private OpenAiCompatibleTestServer server;

    @BeforeEach
    void start() {
        server = OpenAiCompatibleTestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_prompt_that_asks_for_the_calculator_gets_one_tool_call_per_step_then_the_formatted_answer() throws Exception {
        ObjectNode request = react("Answer in the format 'Answer: <number>'.", "Use it for all arithmetic.", EGGS);

        JsonNode first = post(request);
        JsonNode message = first.at("/choices/0/message");
        assertThat(first.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(message.at("/tool_calls/0/type").asText()).isEqualTo("function");
        assertThat(message.at("/tool_calls/0/id").asText()).isEqualTo("call_1");
        assertThat(message.at("/tool_calls/0/function/name").asText()).isEqualTo("calculator");
        assertThat(JSON.readTree(message.at("/tool_calls/0/function/arguments").asText()).path("expression").asText())
                .isEqualTo("16-3-4");

        appendToolTurn(request, message, "9");
        JsonNode second = post(request);
        assertThat(JSON.readTree(second.at("/choices/0/message/tool_calls/0/function/arguments").asText())
                .path("expression").asText()).isEqualTo("9*2");

        appendToolTurn(request, second.at("/choices/0/message"), "18");
        JsonNode last = post(request);
        assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(last.at("/choices/0/message/content").asText()).endsWith("Answer: 18");
        assertThat(last.at("/choices/0/message/tool_calls").isMissingNode()).isTrue();
    }

    @Test
    void the_answer_follows_what_the_calculator_returned_not_what_the_double_knows() throws Exception {
        ObjectNode request = react("Use the format Answer: N.", "Call it.", EGGS);
        JsonNode first = post(request);
        appendToolTurn(request, first.at("/choices/0/message"), "9");
        JsonNode second = post(request);
        appendToolTurn(request, second.at("/choices/0/message"), "20");

        assertThat(post(request).at("/choices/0/message/content").asText()).endsWith("Answer: 20");
    }

    @Test
    void a_seed_like_prompt_gets_no_tool_call_and_no_answer_line() throws Exception {
        JsonNode reply = post(react("Think step by step.", "A calculator.", EGGS));

        assertThat(reply.at("/choices/0/message/tool_calls").isMissingNode()).isTrue();
        assertThat(reply.at("/choices/0/message/content").asText()).contains("16-3-4 = 9")
                .endsWith("That gives 18 in total.").doesNotContain("Answer:");
    }

    @Test
    void an_unknown_problem_is_answered_honestly_as_a_test_double() throws Exception {
        JsonNode reply = post(react("Use the format Answer: N.", "Use it.", "What is 2 + 2?"));

        assertThat(reply.at("/choices/0/message/content").asText()).contains("gepa4j test double")
                .doesNotContain("Answer:");
    }

    @Test
    void a_checking_critic_rejects_a_slipped_step_with_the_right_value_and_a_lazy_one_accepts() throws Exception {
        String zoey = Gsm8kAnswerKey.normalise(JSON.readTree(new String(getClass()
                .getResourceAsStream("/dev/gepa4j/tasks/gsm8k/data/test.jsonl").readAllBytes()).lines()
                .skip(1).findFirst().orElseThrow()).path("question").asText());
        String solution = "Step 1: 40*10 = 400\nStep 2: 35*12 = 430\nStep 3: 400+420 = 820\nStep 4: 820/2 = 410\n"
                + "Answer: 420";
        String review = "Problem:\n" + zoey + "\n\nA solver's solution:\n" + solution + "\n\nReview the solution. End "
                + "your reply with ACCEPT if its final answer is right, or REJECT followed by what is wrong.";

        String checking = post(chat("Recompute every step.", review)).at("/choices/0/message/content").asText();
        String lazy = post(chat("Decide whether to accept it.", review)).at("/choices/0/message/content").asText();

        assertThat(checking).isEqualTo("REJECT: step 2: 35*12 is 420, not 430. The final answer should be 410.");
        assertThat(lazy).endsWith("ACCEPT");
    }

    @Test
    void requests_of_other_tasks_still_get_echo_improve_and_gsm8k_calls_do_not_use_up_its_numbering()
            throws Exception {
        post(react("Think step by step.", "A calculator.", EGGS));

        JsonNode other = post(chat("You improve prompts.", "Current text:\n```\nSay hi.\n```"));

        assertThat(other.at("/choices/0/message/content").asText()).contains("Say hi.").contains("(revision 1)");
    }

    private static ObjectNode react(String system, String toolGuide, String question) {
        ObjectNode request = chat(system, question);
        ObjectNode function = request.putArray("tools").addObject().put("type", "function").putObject("function");
        function.put("name", "calculator").put("description", toolGuide);
        function.putObject("parameters").put("type", "object").putObject("properties").putObject("expression")
                .put("type", "string");
        return request;
    }

    private static ObjectNode chat(String system, String user) {
        ObjectNode request = JSON.createObjectNode().put("model", "test-double");
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        return request;
    }

    private static void appendToolTurn(ObjectNode request, JsonNode assistant, String result) {
        ArrayNode messages = (ArrayNode) request.get("messages");
        messages.add(assistant);
        messages.addObject().put("role", "tool").put("tool_call_id", assistant.at("/tool_calls/0/id").asText())
                .put("content", result);
    }

    private JsonNode post(ObjectNode body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
