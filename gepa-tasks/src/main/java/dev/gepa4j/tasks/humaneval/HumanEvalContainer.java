package dev.gepa4j.tasks.humaneval;

import dev.gepa4j.tasks.chat.PolicyModels;
import dev.gepa4j.tasks.sandbox.PythonSandbox;
import dev.gepa4j.tasks.sandbox.SandboxLimits;

/** Builds the {@code humaneval-coder} handler: loads the data and starts the sandbox (which needs python3). */
public final class HumanEvalContainer {
    /** The built-in's name: {@code gepa serve humaneval-coder}, {@code [container] builtin = "humaneval-coder"}. */
    public static final String NAME = "humaneval-coder";

    private HumanEvalContainer() {
    }

    /**
     * A ready handler with the default sandbox limits and the policy model from the environment or the rollout.
     *
     * @throws dev.gepa4j.tasks.sandbox.PythonMissingException when python3 is missing; the message says what to
     *                                                         install
     */
    public static HumanEvalTaskHandler create() {
        return new HumanEvalTaskHandler(HumanEvalDataset.load(), PythonSandbox.start(SandboxLimits.defaults()),
                new PolicyModels());
    }
}
