package dev.gepa4j.runtime.guard;

import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.secret.Secrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A proposal packet with known secret values removed from the text that came from outside: the container's task
 * description and hints, and each shown example's input, output, verifier feedback (per field too), error and
 * trace (a container or its policy model may echo a key). A proposer shows all of this to a model or writes it into
 * an agent's folder.
 */
final class PacketScrub {
    private PacketScrub() {
    }

    static ProposalPacket scrub(ProposalPacket p, Secrets secrets) {
        if (secrets.isEmpty()) {
            return p;
        }
        return new ProposalPacket(p.seq(), p.parent(), p.fieldsToUpdate(), p.mutableFields(),
                cases(p.failures(), secrets), cases(p.successes(), secrets), p.parentDiff(), p.parentMinibatchMean(),
                p.parentTrainMean(), secrets.scrub(p.frontierSummary()), secrets.scrub(p.taskDescription()),
                secrets.scrub(p.proposerHints()), p.rejectedAttempts(), p.proposalsWanted(), p.randomSeed(), p.merge());
    }

    private static List<FailureCase> cases(List<FailureCase> cases, Secrets secrets) {
        return cases.stream().map(c -> new FailureCase(c.exampleId(), secrets.scrub(c.input()),
                secrets.scrub(c.output()), c.reward(), verifier(c.verifier(), secrets),
                secrets.scrub(c.trace()), c.error() == null ? null : secrets.scrub(c.error()))).toList();
    }

    private static VerifierResult verifier(VerifierResult v, Secrets secrets) {
        Map<String, String> byModule = new LinkedHashMap<>();
        v.feedbackByModule().forEach((field, text) -> byModule.put(field, secrets.scrub(text)));
        return new VerifierResult(v.passed(), v.score(), v.feedback() == null ? null : secrets.scrub(v.feedback()),
                byModule);
    }
}
