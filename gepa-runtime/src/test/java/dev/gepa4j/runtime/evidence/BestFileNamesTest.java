package dev.gepa4j.runtime.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.rollout.RolloutCacheKey;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code best/} file names: one file per field, even for fields whose names differ only in path characters or case. */
class BestFileNamesTest {
    @TempDir
    Path tmp;

    @Test
    void fieldsThatOnceSharedAFileEachGetTheirOwnAndThePacketSaysWhichIsWhich() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a/b", "text of a/b");
        fields.put("a_b", "text of a_b");
        fields.put("A_B", "text of A_B");
        fields.put("../up", "text of ../up");
        fields.put(".hidden", "text of .hidden");
        fields.put("x".repeat(300), "text of the long one");
        fields.put("x".repeat(300) + "y", "text of the other long one");
        Path evidence;
        try (SqliteWorkspace ws = SqliteWorkspace.open(tmp.resolve("ws"))) {
            RunRecorder r = ws.startRun(SampleRun.spec("names"));
            Candidate seed = Candidate.of(0, fields, List.of(), "seed");
            r.registerCandidate(seed);
            ExampleRef ex = new ExampleRef(Split.TRAIN, 1, "train:1");
            r.append(Stage.SEED_TRAIN, RolloutCacheKey.of(fields, ex.exampleId(), ex.split(), SampleRun.POLICY),
                    new RolloutResult("r1", seed.id(), ex, RolloutStatus.OK, 1, "out", VerifierResult.NONE, "{}",
                            Usage.ZERO, 5, 1, "http://127.0.0.1:9", false, null));
            r.finish(RunStatus.FINISHED, "done");
            evidence = EvidencePacketWriter.write(ws.reader(), "names", tmp.resolve("out"));
        }

        JsonNode files = EvidenceJson.mapper().readTree(evidence.resolve("packet.json").toFile()).at("/best/files");
        Map<String, String> mapped = new LinkedHashMap<>();
        files.fields().forEachRemaining(e -> mapped.put(e.getKey(), e.getValue().asText()));
        assertThat(mapped.values()).containsExactlyInAnyOrderElementsOf(fields.keySet());
        List<Path> written;
        try (Stream<Path> s = Files.list(evidence.resolve("best"))) {
            written = s.toList();
        }
        assertThat(written).hasSize(fields.size());
        Set<String> caseless = new HashSet<>();
        for (Path file : written) {
            String name = file.getFileName().toString();
            assertThat(caseless.add(name.toLowerCase(Locale.ROOT))).as("case-insensitively unique: %s", name).isTrue();
            assertThat(name).doesNotStartWith(".").doesNotContain("/").hasSizeLessThan(255);
            assertThat(Files.readString(file)).isEqualTo(fields.get(mapped.get(name)));
        }
        assertThat(mapped).containsEntry("a%2Fb.txt", "a/b").containsEntry("A_B.txt", "A_B")
                .containsEntry("a_b~2.txt", "a_b").containsEntry("%2E.%2Fup.txt", "../up");
    }

    @Test
    void aPlainOrPercentEncodedStemDecodesBackToItsField() {
        for (String field : List.of("system_prompt", "a/b", "a_b", "100%", "naïve prompt", "tab\there", "-x.y")) {
            String stem = BestFileNames.stem(field);
            assertThat(URLDecoder.decode(stem.replace("+", "%2B"), StandardCharsets.UTF_8)).as(stem).isEqualTo(field);
        }
        assertThat(BestFileNames.stem("system_prompt")).isEqualTo("system_prompt");
    }
}
