package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads "needs kX in FIELD" feedback and adds kX to FIELD when that field may change; with probability
 * {@code badRate} it adds a wrong keyword instead. Random draws come only from the packet's seed.
 */
final class KeywordProposer implements Proposer {
    final double badRate;
    final AtomicInteger calls = new AtomicInteger();
    final List<List<String>> fieldsAsked = new ArrayList<>();

    KeywordProposer(double badRate) {
        this.badRate = badRate;
    }

    @Override
    public String kind() {
        return "keyword";
    }

    @Override
    public synchronized ProposalOutcome propose(ProposalPacket packet) {
        calls.incrementAndGet();
        fieldsAsked.add(packet.fieldsToUpdate());
        SplittableRandom random = new SplittableRandom(packet.randomSeed());
        Map<String, String> draft = new LinkedHashMap<>(packet.parent().components());
        boolean changed = false;
        for (FailureCase f : packet.failures()) {
            String kw = keywordAskedFor(f);
            String field = fieldAskedFor(f);
            if (!packet.fieldsToUpdate().contains(field)) {
                continue;
            }
            if (random.nextDouble() < badRate) {
                kw = "x" + random.nextInt(100);
            }
            if (!(" " + draft.get(field) + " ").contains(" " + kw + " ")) {
                draft.put(field, draft.get(field) + " " + kw);
                changed = true;
                break;
            }
        }
        if (!changed) {
            return ProposalOutcome.rejected("packet " + packet.seq(), "", Usage.of(10, 0, 0), "nothing to change");
        }
        return new ProposalOutcome(List.of(draft), "packet " + packet.seq(), draft.toString(), Usage.of(10, 5, 0.001), null);
    }

    /** The keyword a failure's feedback ("needs kX in FIELD") asks for. */
    static String keywordAskedFor(FailureCase f) {
        return f.verifier().feedback().split(" ")[1];
    }

    /** The field a failure's feedback ("needs kX in FIELD") asks the keyword to be put in. */
    static String fieldAskedFor(FailureCase f) {
        return f.verifier().feedback().split(" ")[3];
    }
}
