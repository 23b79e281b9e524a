package dev.gepa4j.testkit.synthetic;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A proposer for {@link SyntheticTask} that reads the failures' verifier feedback ({@code [field:keyword]}) and adds
 * one skill they name as missing to a field it may update, like a model would: not always the same one, but the
 * skill named more often is the likelier pick (probability proportional to how many failures name it). With
 * probability {@code harmfulRate} it instead deletes a skill the field already has, and with probability
 * {@code uselessRate} it appends a word no example needs. Every draw comes from {@link ProposalPacket#randomSeed()}
 * only, so the answer is a function of the packet (serial runs repeat). When no failure names a skill missing from
 * the fields to update, the output is rejected with that reason. An optional fixed latency simulates a model call.
 * Thread-safe.
 */
public final class SyntheticProposer implements Proposer {
    private static final List<String> FILLERS = List.of("please", "kindly", "carefully", "thoroughly", "clearly");

    private final double uselessRate;
    private final double harmfulRate;
    private final long latencyMs;
    private final AtomicInteger calls = new AtomicInteger();

    /**
     * @param uselessRate probability of an edit that changes no score
     * @param harmfulRate probability of an edit that removes a skill
     * @param latencyMs   fixed time each call takes (0 for none)
     */
    public SyntheticProposer(double uselessRate, double harmfulRate, long latencyMs) {
        if (uselessRate < 0 || harmfulRate < 0 || uselessRate + harmfulRate > 1 || latencyMs < 0) {
            throw new IllegalArgumentException("rates must be >= 0 with a sum <= 1 and latency >= 0, got "
                    + uselessRate + ", " + harmfulRate + ", " + latencyMs);
        }
        this.uselessRate = uselessRate;
        this.harmfulRate = harmfulRate;
        this.latencyMs = latencyMs;
    }

    /** 15% useless edits, 15% harmful ones, no latency. */
    public static SyntheticProposer defaults() {
        return new SyntheticProposer(0.15, 0.15, 0);
    }

    /** Calls made so far. */
    public int calls() {
        return calls.get();
    }

    @Override
    public String kind() {
        return "synthetic";
    }

    @Override
    public ProposalOutcome propose(ProposalPacket packet) {
        calls.incrementAndGet();
        pause();
        String input = render(packet);
        if (packet.isMerge()) {
            return ProposalOutcome.rejected(input, "", Usage.of(input.length() / 4, 0, 0), "the synthetic proposer does not merge");
        }
        SplittableRandom random = new SplittableRandom(packet.randomSeed());
        double roll = random.nextDouble();
        Map<String, String> draft = new LinkedHashMap<>(packet.parent().components());
        String edit;
        Optional<Skill> present = roll < harmfulRate ? presentSkill(packet, draft, random) : Optional.empty();
        if (present.isPresent()) {
            Skill s = present.get();
            draft.put(s.field(), remove(draft.get(s.field()), s.keyword()));
            edit = "remove " + s.label();
        } else if (roll < harmfulRate + uselessRate) {
            String field = packet.fieldsToUpdate().get(random.nextInt(packet.fieldsToUpdate().size()));
            String word = FILLERS.get(random.nextInt(FILLERS.size()));
            draft.put(field, draft.get(field) + " " + word);
            edit = "append '" + word + "' to " + field;
        } else {
            Optional<Skill> missing = namedMissing(packet, draft, random);
            if (missing.isEmpty()) {
                return ProposalOutcome.rejected(input, "", Usage.of(input.length() / 4, 0, 0),
                        "no failure names a missing skill in " + packet.fieldsToUpdate());
            }
            Skill s = missing.get();
            draft.put(s.field(), draft.get(s.field()) + " " + s.keyword());
            edit = "add " + s.label();
        }
        String output = edit + "\n" + draft;
        return new ProposalOutcome(List.of(draft), input, output, Usage.of(input.length() / 4, output.length() / 4, 0),
                null);
    }

    /** A missing skill the failures name, drawn with probability proportional to how many failures name it. */
    private static Optional<Skill> namedMissing(ProposalPacket packet, Map<String, String> draft,
                                                SplittableRandom random) {
        Map<Skill, Integer> counts = new LinkedHashMap<>();
        for (FailureCase f : packet.failures()) {
            for (Skill s : Skill.parseAll(f.verifier().feedback())) {
                if (packet.fieldsToUpdate().contains(s.field()) && draft.containsKey(s.field())
                        && !s.presentIn(draft.get(s.field()))) {
                    counts.merge(s, 1, Integer::sum);
                }
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return Optional.empty();
        }
        int pick = random.nextInt(total);
        for (Map.Entry<Skill, Integer> e : counts.entrySet()) {
            pick -= e.getValue();
            if (pick < 0) {
                return Optional.of(e.getKey());
            }
        }
        throw new IllegalStateException("counts changed during the draw");
    }

    private static Optional<Skill> presentSkill(ProposalPacket packet, Map<String, String> draft, SplittableRandom random) {
        List<Skill> present = SyntheticTask.ALL_SKILLS.stream().filter(s -> packet.fieldsToUpdate().contains(s.field())
                && draft.containsKey(s.field()) && s.presentIn(draft.get(s.field()))).toList();
        return present.isEmpty() ? Optional.empty() : Optional.of(present.get(random.nextInt(present.size())));
    }

    private static String remove(String text, String keyword) {
        String out = Pattern.compile("(?i)\\b" + keyword + "\\b").matcher(text).replaceAll("")
                .replaceAll("\\s+", " ").trim();
        return out.isEmpty() ? "Answer." : out;
    }

    private static String render(ProposalPacket packet) {
        StringBuilder b = new StringBuilder("proposal " + packet.seq() + " from " + packet.parent().id()
                + ", update " + packet.fieldsToUpdate() + "\n");
        for (FailureCase f : packet.failures()) {
            b.append("- ").append(f.exampleId()).append(" reward ").append(f.reward()).append(": ")
                    .append(f.verifier().feedback()).append('\n');
        }
        return b.toString();
    }

    private void pause() {
        if (latencyMs > 0) {
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
