package dev.gepa4j.tasks.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.RecordedRequest;
import dev.gepa4j.testkit.llm.ScriptedReply;
import dev.langchain4j.model.chat.ChatModel;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the OpenAI-compatible TEST DOUBLE from gepa-testkit: real HTTP on loopback. */
class PolicyModelsTest {
    private OpenAiCompatibleTestServer server;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() {
        server = OpenAiCompatibleTestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PolicyModels models() {
        return new PolicyModels(env::get);
    }

    @Test
    void theRolloutsPolicyWinsWhenItNamesBaseUrlAndModel() {
        env.put("OPENAI_BASE_URL", "http://127.0.0.1:1/v1");
        env.put("GEPA_POLICY_MODEL", "env-model");
        env.put("OPENAI_API_KEY", "sk-canary-policy-key");
        PolicySpec policy = new PolicySpec("openai", "policy-model", server.baseUrl(), null, Map.of());

        String answer = models().forPolicy(policy).chat("hello");

        assertThat(answer).isNotBlank();
        RecordedRequest request = server.requests().getLast();
        assertThat(request.model()).isEqualTo("policy-model");
        assertThat(request.headers().get("authorization")).isEqualTo("Bearer sk-canary-policy-key");
        assertThat(models().choose(policy).describe()).doesNotContain("sk-canary");
    }

    @Test
    void anEmbeddedPolicyFallsBackToTheContainersEnvironment() {
        env.put("OPENAI_BASE_URL", server.baseUrl());
        env.put("GEPA_POLICY_MODEL", "env-model");

        models().forPolicy(PolicySpec.of("embedded", "all-minilm-l6-v2-q")).chat("hello");

        assertThat(server.requests().getLast().model()).isEqualTo("env-model");
        assertThat(server.requests().getLast().headers().get("authorization")).isEqualTo("Bearer no-key");
    }

    @Test
    void anOpenAiPolicyWithoutBaseUrlUsesTheEnvironmentsBaseUrl() {
        env.put("OPENAI_BASE_URL", server.baseUrl());

        models().forPolicy(PolicySpec.of("vllm", "served-model")).chat("hello");

        assertThat(server.requests().getLast().model()).isEqualTo("served-model");
    }

    @Test
    void onlyABaseUrlInTheEnvironmentMeansTheDefaultModel() {
        env.put("OPENAI_BASE_URL", server.baseUrl());

        PolicyModelChoice choice = models().choose(PolicySpec.of("embedded", "x"));

        assertThat(choice.model()).isEqualTo(PolicyModels.DEFAULT_MODEL);
        assertThat(choice.baseUrl()).isEqualTo(server.baseUrl());
    }

    @Test
    void modelsAreCachedPerBaseUrlAndModel() {
        PolicyModels models = models();
        ChatModel a = models.forPolicy(new PolicySpec("openai", "m1", server.baseUrl(), 10, Map.of()));
        ChatModel b = models.forPolicy(new PolicySpec("openai", "m1", server.baseUrl(), 99, Map.of()));
        ChatModel c = models.forPolicy(new PolicySpec("openai", "m2", server.baseUrl(), 10, Map.of()));

        assertThat(a).isSameAs(b);
        assertThat(c).isNotSameAs(a);
    }

    @Test
    void nothingConfiguredSaysWhatToSet() {
        assertThatThrownBy(() -> models().forPolicy(PolicySpec.of("embedded", "all-minilm-l6-v2-q")))
                .isInstanceOf(PolicyModelException.class)
                .hasMessageContaining("no policy chat model is configured")
                .hasMessageContaining("[policy] provider = \"openai\"")
                .hasMessageContaining("OPENAI_BASE_URL")
                .hasMessageContaining("GEPA_POLICY_MODEL");
    }

    @Test
    void anUnreachableServerSaysWhichModelAndWhatToCheck() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        env.put("OPENAI_API_KEY", "sk-canary-unreachable");
        PolicySpec policy = new PolicySpec("openai", "m", "http://127.0.0.1:" + closedPort + "/v1", null, Map.of());

        assertThatThrownBy(() -> models().forPolicy(policy).chat("hello"))
                .isInstanceOf(PolicyModelException.class)
                .hasMessageContaining("policy model m at http://127.0.0.1:" + closedPort + "/v1")
                .hasMessageContaining("base_url")
                .hasMessageNotContaining("sk-canary");
    }

    @Test
    void aRefusedKeySaysToSetTheKeyWithoutQuotingWhatTheServerSaidAboutIt() {
        env.put("OPENAI_API_KEY", "sk-canary-refused-1234");
        server.enqueue(new ScriptedReply.HttpError(401, null, "Incorrect API key provided: sk-canary-refused-1234"));
        PolicySpec policy = new PolicySpec("openai", "m", server.baseUrl(), null, Map.of());

        assertThatThrownBy(() -> models().forPolicy(policy).chat("hello"))
                .isInstanceOf(PolicyModelException.class)
                .hasMessageContaining("the server refused the key")
                .hasMessageContaining("OPENAI_API_KEY")
                .hasMessageNotContaining("sk-canary")
                .hasNoCause();
    }

    @Test
    void anErrorThatEchoesTheKeyHasTheKeyCutOut() {
        env.put("OPENAI_API_KEY", "sk-canary-echoed-5678");
        server.enqueue(new ScriptedReply.HttpError(400, null, "bad request from sk-canary-echoed-5678"));
        PolicySpec policy = new PolicySpec("openai", "m", server.baseUrl(), null, Map.of());

        assertThatThrownBy(() -> models().forPolicy(policy).chat("hello"))
                .isInstanceOf(PolicyModelException.class)
                .hasMessageContaining("[key]")
                .hasMessageNotContaining("sk-canary");
    }
}
