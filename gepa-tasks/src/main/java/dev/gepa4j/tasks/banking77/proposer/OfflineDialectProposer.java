package dev.gepa4j.tasks.banking77.proposer;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.tasks.banking77.ClassificationFailure;
import dev.gepa4j.tasks.banking77.OfflinePromptEditor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Proposer} that needs no network: it turns each failure's verifier feedback ("Expected X but the prompt
 * led to Y.") into a {@link ClassificationFailure} and lets {@link OfflinePromptEditor} rewrite the field being
 * updated. Deterministic: the same packet (including its random seed) gives the same drafts.
 *
 * <p>Failures whose feedback does not follow that form are ignored; a packet with none left is answered with a
 * rejected outcome saying so, as is an edit that leaves the prompt unchanged.
 */
public final class OfflineDialectProposer implements Proposer {
    private static final Pattern EXPECTED = Pattern.compile("Expected (\\S+) but the prompt led to (\\S+?)\\.(\\s|$)");

    private final OfflinePromptEditor editor;

    public OfflineDialectProposer(OfflinePromptEditor editor) {
        this.editor = editor;
    }

    @Override
    public String kind() {
        return "offline";
    }

    @Override
    public ProposalOutcome propose(ProposalPacket packet) {
        String field = packet.fieldsToUpdate().isEmpty() ? packet.mutableFields().getFirst()
                : packet.fieldsToUpdate().getFirst();
        String prompt = packet.parent().components().get(field);
        List<ClassificationFailure> failures = new ArrayList<>();
        for (FailureCase f : packet.failures()) {
            parse(f).ifPresent(failures::add);
        }
        String input = describe(packet, field, failures);
        if (failures.isEmpty()) {
            return ProposalOutcome.rejected(input, "", Usage.ZERO,
                    "no failure with verifier feedback of the form 'Expected X but the prompt led to Y.'");
        }
        Set<String> texts = new LinkedHashSet<>(editor.alternatives(prompt, failures,
                new SplittableRandom(packet.randomSeed()), packet.proposalsWanted()));
        texts.remove(prompt);
        if (texts.isEmpty()) {
            return ProposalOutcome.rejected(input, prompt, Usage.ZERO, "the edit left the prompt unchanged");
        }
        List<Map<String, String>> drafts = new ArrayList<>();
        for (String text : texts) {
            Map<String, String> draft = new TreeMap<>(packet.parent().components());
            draft.put(field, text);
            drafts.add(draft);
        }
        return new ProposalOutcome(drafts, input, String.join("\n\n----\n\n", texts), Usage.ZERO, null);
    }

    static Optional<ClassificationFailure> parse(FailureCase f) {
        String feedback = f.verifier().feedback();
        if (feedback == null) {
            return Optional.empty();
        }
        Matcher m = EXPECTED.matcher(feedback);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ClassificationFailure(f.input(), m.group(1), m.group(2), feedback));
    }

    private static String describe(ProposalPacket packet, String field, List<ClassificationFailure> failures) {
        StringBuilder sb = new StringBuilder();
        sb.append("offline proposal ").append(packet.seq()).append(" for parent ").append(packet.parent().id())
                .append(", field ").append(field).append(", seed ").append(packet.randomSeed()).append('\n');
        sb.append("failures read from verifier feedback: ").append(failures.size()).append(" of ")
                .append(packet.failures().size()).append('\n');
        for (ClassificationFailure f : failures) {
            sb.append("- \"").append(f.message().strip()).append("\": expected ").append(f.expected())
                    .append(", got ").append(f.predicted()).append('\n');
        }
        return sb.toString();
    }
}
