package dev.gepa4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.contract.wire.MetadataResponse;
import dev.gepa4j.contract.wire.RolloutRequestDoc;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContractCodecTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unknownFieldsAreKeptAndWrittenBackUnchanged() {
        String json = "{\"runtime\":{\"runtime_id\":\"b77\",\"zone\":\"eu\"},\"capabilities\":{\"protocol\":\"p\"},"
                + "\"metadata\":{\"optimizer_contracts\":{\"gepa\":{\"version\":\"synth_optimizers.gepa.v2\","
                + "\"taskset_route\":\"/taskset\"}},\"execution\":{\"timeout\":20}},\"vendor\":[1,2]}";

        MetadataResponse doc = ContractCodec.read(utf8(json), MetadataResponse.class);
        JsonNode written = ContractCodec.readTree(ContractCodec.write(doc));

        assertThat(doc.gepaContract()).hasValueSatisfying(g -> {
            assertThat(g.version()).isEqualTo("synth_optimizers.gepa.v2");
            assertThat(g.extra()).containsKey("taskset_route");
        });
        assertThat(written).isEqualTo(ContractCodec.readTree(utf8(json)));
    }

    @Test
    void aSeedSentAsTextIsAWrongTypeNamingTheField() {
        assertThatThrownBy(() -> ContractCodec.read(utf8("{\"seed\":\"7\",\"candidate\":{}}"), RolloutRequestDoc.class))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("field 'seed' has the wrong type")
                .satisfies(e -> assertThat(((ContractViolationException) e).code()).isEqualTo("wrong_type"));
    }

    @Test
    void aFractionalSeedIsNotSilentlyTruncated() {
        assertThatThrownBy(() -> ContractCodec.read(utf8("{\"seed\":7.5}"), RolloutRequestDoc.class))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("seed");
    }

    @Test
    void aNumberWhereCandidateTextBelongsIsAWrongType() {
        assertThatThrownBy(() -> ContractCodec.read(utf8("{\"seed\":1,\"candidate\":{\"system\":5}}"),
                RolloutRequestDoc.class))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("candidate.system");
    }

    @Test
    void bytesThatAreNotJsonAreMalformed() {
        assertThatThrownBy(() -> ContractCodec.read(utf8("<html>oops</html>"), MetadataResponse.class))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("not valid JSON")
                .satisfies(e -> assertThat(((ContractViolationException) e).code()).isEqualTo("malformed_json"));
    }

    @Test
    void contractVersionsOfTheGepaFamilyAreAcceptedAndOthersAreNot() {
        assertThat(ContractVersions.accepts("synth_optimizers.gepa.v1")).isTrue();
        assertThat(ContractVersions.accepts("synth_optimizers.gepa.v2")).isTrue();
        assertThat(ContractVersions.accepts("gepa4j.gepa.v2")).isTrue();
        assertThat(ContractVersions.accepts("synth_ai.task_app.v1")).isFalse();
        assertThat(ContractVersions.accepts(null)).isFalse();
    }

    @Test
    void aTreeIsWrittenExactlyAsItsToStringWritesItNullsIncluded() {
        JsonNode trace = ContractCodec.readTree(("{\"event_history\":[{\"type\":\"policy_call\",\"error\":null,"
                + "\"text\":\"caf\u00e9 \\\"q\\\" <b>\\n\",\"n\":1.50,\"big\":12345678901234567890}],\"meta\":{}}")
                .getBytes(StandardCharsets.UTF_8));

        String written = ContractCodec.writeTree(trace);

        assertThat(written).isEqualTo(trace.toString()).contains("\"error\":null");
    }
}
