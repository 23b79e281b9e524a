package dev.gepa4j.tasks.ifeval;

import dev.gepa4j.tasks.ifeval.checks.InstructionChecker;
import dev.gepa4j.tasks.ifeval.checks.InstructionCheckers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges a response against each verifiable instruction of its prompt. Stateless and thread-safe. */
public final class IfevalVerifier {

    public IfevalVerdict verify(IfevalExample example, String response) {
        List<InstructionResult> checked = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        for (IfevalInstruction instruction : example.instructions()) {
            Optional<InstructionChecker> checker = InstructionCheckers.forId(instruction.id());
            if (checker.isPresent()) {
                checked.add(new InstructionResult(instruction, checker.get().check(response, instruction.args())));
            } else {
                notChecked.add(instruction.id());
            }
        }
        return new IfevalVerdict(checked, notChecked);
    }
}
