package dev.gepa4j.tasks.ifeval.container;

import dev.gepa4j.tasks.chat.PolicyModels;
import dev.gepa4j.tasks.ifeval.IfevalDataset;

/** Builds the {@code ifeval-pipeline} task handler: loads the bundled prompts and draws the splits (fast). */
public final class IfevalPipelineContainer {
    /** The built-in name, for {@code gepa serve} and {@code [container] builtin}. */
    public static final String NAME = "ifeval-pipeline";

    private IfevalPipelineContainer() {
    }

    /** A handler whose policy model comes from each rollout's policy or the process environment. */
    public static IfevalPipelineHandler create() {
        return create(new PolicyModels());
    }

    public static IfevalPipelineHandler create(PolicyModels models) {
        return new IfevalPipelineHandler(IfevalDataset.load().splits(), models);
    }
}
