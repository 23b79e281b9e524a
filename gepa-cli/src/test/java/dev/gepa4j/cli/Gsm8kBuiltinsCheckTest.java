package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.sdk.TaskHandler;
import dev.gepa4j.tasks.gsm8k.debate.Gsm8kDebateContainer;
import dev.gepa4j.tasks.gsm8k.react.Gsm8kReactContainer;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code gepa check} against the GSM8K built-ins as {@code ./gepa serve} starts them, with the container's
 * {@code OPENAI_BASE_URL} and {@code GEPA_POLICY_MODEL} pointing at the OpenAI-compatible TEST DOUBLE (the check's
 * rollouts send no chat model, so the containers take it from their environment).
 */
class Gsm8kBuiltinsCheckTest {

    @Test
    void gsm8k_react_is_conformant_and_its_check_rollouts_reach_the_model_with_the_calculator_declared() {
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start()) {
            String out = check(Gsm8kReactContainer.create(environment(llm)));

            assertThat(out.strip()).endsWith("conformant");
            assertThat(llm.requests()).isNotEmpty()
                    .allMatch(r -> r.body().contains("\"tools\"") && r.body().contains("\"calculator\""))
                    .allMatch(r -> r.model().equals("test-double"));
        }
    }

    @Test
    void gsm8k_debate_is_conformant_and_its_check_rollouts_reach_the_model() {
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start()) {
            String out = check(Gsm8kDebateContainer.create(environment(llm)));

            assertThat(out.strip()).endsWith("conformant");
            assertThat(llm.requests()).isNotEmpty()
                    .anyMatch(r -> r.lastUserText().contains("A solver's solution:"));
        }
    }

    @Test
    void a_step_limit_out_of_range_is_refused_naming_the_variable() {
        UnaryOperator<String> env = Map.of("GSM8K_REACT_MAX_STEPS", "0")::get;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gsm8kReactContainer.create(env))
                .hasMessage("GSM8K_REACT_MAX_STEPS=0 is not allowed: give a whole number from 1 to 50, or unset it "
                        + "for the default 8");
    }

    private static UnaryOperator<String> environment(OpenAiCompatibleTestServer llm) {
        return Map.of("OPENAI_BASE_URL", llm.baseUrl(), "GEPA_POLICY_MODEL", "test-double")::get;
    }

    private static String check(TaskHandler handler) {
        try (ContainerServer server = ContainerServer.start(handler, ServerOptions.defaults())) {
            CliRun.Output o = CliRun.run("check", server.url());
            assertThat(o.code()).as("gepa check exit code; output:%n%s%s", o.out(), o.allErr()).isZero();
            return o.out();
        }
    }
}
