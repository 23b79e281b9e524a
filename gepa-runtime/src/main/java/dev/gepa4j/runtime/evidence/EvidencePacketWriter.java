package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.workspace.WorkspaceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a run's evidence packet (docs/architecture.md) from the workspace:
 * {@code <outDir>/<run_id>/evidence/} with {@code packet.json}, {@code best/<field>.txt} (one per component of the
 * best candidate, named by {@link BestFileNames}, which never gives two fields one file; the packet's
 * {@code best.files} maps each file to its field), {@code diff.patch} (best against the seed, unified; empty when the best is the seed),
 * {@code report.md} and {@code report.html} (self-contained).
 *
 * <p>Every number comes from {@link RunMetrics} over what the reader returns, so the packet agrees with the
 * workspace by construction. Writing again replaces the files (a resumed run rewrites its packet). Files are
 * written to a temporary name and moved into place, so a reader never sees half a packet file.
 */
public final class EvidencePacketWriter {
    private EvidencePacketWriter() {
    }

    /**
     * Writes the packet and returns its folder.
     *
     * @throws dev.gepa4j.core.workspace.WorkspaceException when the run is unknown
     * @throws UncheckedIOException                          when a file cannot be written (not retriable)
     */
    public static Path write(WorkspaceReader reader, String runId, Path outDir) {
        RunData data = RunData.load(reader, runId);
        var events = reader.events(runId, 0).stream().map(EventView::of).toList();
        RunSummary summary = RunMetrics.summarize(data, events.isEmpty() ? null
                : java.time.Instant.parse(events.getLast().at()));
        EvidencePacket packet = PacketAssembler.assemble(data, summary);
        Path dir = outDir.resolve(runId).resolve("evidence");
        try {
            Files.createDirectories(dir.resolve("best"));
            writeAtomically(dir.resolve("packet.json"), EvidenceJson.pretty(packet) + "\n");
            if (packet.best() != null) {
                for (Map.Entry<String, String> file : packet.best().files().entrySet()) {
                    writeAtomically(dir.resolve("best").resolve(file.getKey()),
                            packet.best().components().get(file.getValue()));
                }
            }
            writeAtomically(dir.resolve("diff.patch"), summary.bestDiff());
            ReportData report = ReportData.of(data, summary, events);
            Map<String, Map<String, String>> diffs = new java.util.HashMap<>();
            report.prompts().forEach((id, prompt) -> diffs.put(id, prompt.diffs()));
            writeAtomically(dir.resolve("report.md"), ReportMarkdown.render(packet, diffs));
            writeAtomically(dir.resolve("report.html"), ReportHtml.render(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence packet of run '" + runId + "' to " + dir
                    + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
