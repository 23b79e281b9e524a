package dev.gepa4j.runtime.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.containers.RouterClassifierTask;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evidence packet of a two-field run says which fields each candidate changed and shows per-field diffs. */
class ManyFieldEvidenceTest {
    @TempDir
    Path tmp;

    @Test
    void packetReportAndCellDetailsSpeakPerField() throws Exception {
        Path dir;
        RolloutDetail childCell;
        try (SqliteWorkspace ws = SqliteWorkspace.open(tmp.resolve("ws"))) {
            TwoFieldRun.writeAll(ws, "two");
            dir = EvidencePacketWriter.write(ws.reader(), "two", tmp.resolve("out"));
            childCell = RolloutDetail.of(ws.reader().rollouts("two", 0).getLast(), null, 2_000);
        }
        JsonNode packet = new ObjectMapper().readTree(dir.resolve("packet.json").toFile());
        String md = Files.readString(dir.resolve("report.md"));

        assertThat(packet.path("candidates").get(0).path("changed_fields")).isEmpty();
        assertThat(packet.path("candidates").get(1).path("changed_fields").toString())
                .isEqualTo("[\"router_prompt\"]");
        assertThat(packet.path("best").path("diffs").has(RouterClassifierTask.ROUTER)).isTrue();
        assertThat(packet.path("best").path("diffs").has(RouterClassifierTask.CLASSIFIER)).isFalse();
        assertThat(md).contains("| `router_prompt` |", "## Changes by candidate", "### `router_prompt`",
                "+Route it. <script>alert(2)</script>");
        // the script tag appears only as prompt text inside fenced blocks (the prompt, its diff lines), never in a
        // table cell or heading where markdown would render it
        assertThat(md.lines().filter(l -> l.contains("<script>")))
                .isNotEmpty().allMatch(l -> l.startsWith("Route it.") || l.startsWith("+Route it."));
        assertThat(childCell.stages()).extracting(TraceStages.Stage::moduleId)
                .containsExactly(null, RouterClassifierTask.ROUTER, RouterClassifierTask.CLASSIFIER, null);
        assertThat(childCell.stages().get(1).steps()).extracting(TraceStages.StepView::type)
                .containsExactly("prompt", "output", "verdict");
    }
}
