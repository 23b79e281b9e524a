package dev.gepa4j.runtime.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gepa4j.core.propose.ProposalPacket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the folder an agent works in: {@code README.md} (task and rules), {@code PROMPT.md} (what the agent is
 * told), {@code state/*.json} (the packet as files) and {@code proposal/manifest.json} + {@code proposal/SCHEMA.md}.
 */
final class ProposalFolder {
    static final String SCHEMA_VERSION = "gepa4j.proposal.v1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProposalFolder() {
    }

    static void write(Path dir, ProposalPacket p) {
        try {
            Files.createDirectories(dir.resolve("state"));
            Files.createDirectories(dir.resolve("proposal"));
            json(dir.resolve("state/program_contract.json"), Map.of("mutable_fields", p.mutableFields(),
                    "fields_to_update", p.fieldsToUpdate(), "task_description", p.taskDescription()));
            json(dir.resolve("state/parent_payload.json"), p.parent().components());
            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("parent_candidate_id", p.parent().id());
            scores.put("minibatch_mean", p.parentMinibatchMean());
            scores.put("train_mean", p.parentTrainMean());
            json(dir.resolve("state/scores.json"), scores);
            List<String> fields = p.fieldsToUpdate().isEmpty() ? p.mutableFields() : p.fieldsToUpdate();
            json(dir.resolve("state/failures.json"), FolderCases.of(p.failures(), fields));
            json(dir.resolve("state/successes.json"), FolderCases.of(p.successes(), fields));
            json(dir.resolve("state/parent_diff.json"), p.parentDiff());
            json(dir.resolve("state/frontier.json"), Map.of("summary", p.frontierSummary()));
            json(dir.resolve("state/task_hints.json"), Map.of("proposer_hints", p.proposerHints()));
            json(dir.resolve("state/rejected_attempts.json"), p.rejectedAttempts());
            Map<String, Object> template = new LinkedHashMap<>();
            template.put("schema_version", SCHEMA_VERSION);
            template.put("rationale", "");
            template.put("proposals", List.of());
            json(dir.resolve("proposal/manifest.json"), template);
            Files.writeString(dir.resolve("proposal/SCHEMA.md"), schema(p));
            Files.writeString(dir.resolve("README.md"), readme(p));
            Files.writeString(dir.resolve("PROMPT.md"), prompt(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare proposal folder " + dir, e);
        }
    }

    static String prompt(ProposalPacket p) {
        return "You are improving the text components of a program that a language model runs. Work only inside "
                + "the current folder. Read README.md first, then the files in state/, and write your proposal to "
                + "proposal/manifest.json as proposal/SCHEMA.md describes. Propose at most " + p.proposalsWanted()
                + " alternative(s). Change only these fields: " + String.join(", ", p.fieldsToUpdate())
                + ". Do not write anywhere outside this folder.";
    }

    private static String readme(ProposalPacket p) {
        return "# Proposal " + p.seq() + "\n\n## Task\n" + p.taskDescription() + "\n\n"
                + "## What to do\nThe program's text components are in `state/parent_payload.json`. It failed the "
                + "cases in `state/failures.json` (input, output, verifier result and feedback; under `by_field`, "
                + "for each field to rewrite, the feedback meant for that field and the trace steps that field "
                + "shaped, plus the steps no field owns). "
                + "Find out why, and write improved text for the field(s) " + p.fieldsToUpdate() + ".\n\n"
                + "## Files\n- `state/program_contract.json`: which fields may change\n"
                + "- `state/parent_payload.json`: the current texts\n- `state/scores.json`: how the current version scores\n"
                + "- `state/failures.json`, `state/successes.json`: cases it got wrong and right\n"
                + "- `state/parent_diff.json`: the change that produced the current version\n"
                + "- `state/frontier.json`: the other versions so far\n- `state/task_hints.json`: hints from the task's authors\n"
                + "- `state/rejected_attempts.json`: earlier attempts that were rejected; do not repeat them\n\n"
                + "## Rules\n1. Write only inside this folder. Writing elsewhere rejects the proposal.\n"
                + "2. Fill in `proposal/manifest.json` (schema in `proposal/SCHEMA.md`).\n"
                + "3. Each proposed payload holds every mutable field " + p.mutableFields() + ", and nothing else.\n"
                + "4. Change at least one field; do not resubmit the current texts or a rejected attempt.\n";
    }

    private static String schema(ProposalPacket p) {
        return "# proposal/manifest.json\n\n```json\n{\n  \"schema_version\": \"" + SCHEMA_VERSION + "\",\n"
                + "  \"rationale\": \"why these changes should fix the failures\",\n"
                + "  \"proposals\": [\n    {\"proposed_payload\": {\"<field>\": \"<full new text>\"}}\n  ]\n}\n```\n\n"
                + "- `proposed_payload` must contain every mutable field: " + p.mutableFields() + ", and only those.\n"
                + "- A value is either the full text, or `{\"file\": \"proposal/<name>.txt\"}` naming a file inside this "
                + "folder that holds the full text (no absolute paths, no `..`, no symbolic links).\n"
                + "- At most " + p.proposalsWanted() + " proposal(s); the first is preferred.\n";
    }

    private static void json(Path file, Object value) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }
}
