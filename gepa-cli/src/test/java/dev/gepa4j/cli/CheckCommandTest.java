package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.containers.CarryArithmeticTask;
import dev.gepa4j.testkit.containers.Violation;
import dev.gepa4j.testkit.containers.ViolatingContainer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CheckCommandTest {

    record Run(int exitCode, String output) {
        String lastLine() {
            String[] lines = output.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    private static Run check(Map<String, String> env, String... args) {
        CheckCommand command = new CheckCommand();
        command.environment = env::get;
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new Run(code, out.toString());
    }

    @Test
    void aConformantContainerPrintsEveryCheckAndEndsWithConformant() {
        try (ContainerServer server = ContainerServer.start(new CarryArithmeticTask(), ServerOptions.defaults())) {
            Run run = check(Map.of(), server.url());

            assertThat(run.exitCode()).isZero();
            assertThat(run.lastLine()).isEqualTo("conformant");
            assertThat(run.output()).contains("ok    GET /health answers ok",
                    "ok    POST /rollout with the seed candidate on train seed 0: reward");
        }
    }

    @Test
    void aViolationEndsWithNotConformantWhatWasWrongAndExitOne() {
        try (ViolatingContainer server = ViolatingContainer.start(Violation.REWARD_AS_STRING)) {
            Run run = check(Map.of(), server.url());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.output()).contains("FAIL  POST /rollout with the seed candidate on train seed 0");
            assertThat(run.lastLine()).startsWith("not conformant: POST /rollout").contains("not a number");
        }
    }

    @Test
    void theKeyIsReadFromTheNamedEnvironmentVariableAndNeverPrinted() {
        try (ContainerServer server = ContainerServer.start(new CarryArithmeticTask(),
                ServerOptions.defaults().withApiKey("key-from-env-42"))) {
            Run run = check(Map.of("MY_CONTAINER_KEY", "key-from-env-42"), server.url(), "--api-key-env",
                    "MY_CONTAINER_KEY");

            assertThat(run.exitCode()).isZero();
            assertThat(run.output()).doesNotContain("key-from-env-42");
        }
    }

    @Test
    void aMissingKeyVariableIsReportedByName() {
        Run run = check(Map.of(), "http://127.0.0.1:9", "--api-key-env", "NOT_SET_ANYWHERE");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastLine()).contains("NOT_SET_ANYWHERE is not set");
    }

    @Test
    void anAsyncContainerIsCheckedByPollingAndStrictAndJsonChangeOnlyTheEnding() {
        try (ContainerServer server = ContainerServer.start(new CarryArithmeticTask(),
                ServerOptions.defaults().withRolloutModes(dev.gepa4j.sdk.RolloutModes.ASYNC_ONLY))) {
            Run run = check(Map.of(), server.url(), "--strict");
            Run json = check(Map.of(), server.url(), "--json");

            assertThat(run.exitCode()).isZero();
            assertThat(run.output()).contains("ok    POST /rollout with the seed candidate on train seed 0 (async, "
                    + "polled): reward", "skip  GET /metadata without the container's key is refused");
            assertThat(run.lastLine()).isEqualTo("conformant");
            assertThat(json.exitCode()).isZero();
            assertThat(json.output().strip()).startsWith("{").endsWith("}").contains("\"id\":\"rollout.train\"",
                    "\"level\":\"required\"", "\"passed\":true").doesNotContain("checking ");
        }
    }

    @Test
    void anUnknownAuthValueIsRefusedSayingWhatIsAccepted() {
        Run run = check(Map.of(), "http://127.0.0.1:9", "--auth", "basic");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastLine()).contains("\"x-api-key\"", "\"bearer\"");
    }
}
