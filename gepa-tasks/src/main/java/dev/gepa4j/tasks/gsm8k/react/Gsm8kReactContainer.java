package dev.gepa4j.tasks.gsm8k.react;

import dev.gepa4j.tasks.gsm8k.ContainerSettings;
import dev.gepa4j.tasks.gsm8k.Gsm8kRows;
import dev.gepa4j.tasks.chat.PolicyModels;
import java.util.function.UnaryOperator;

/** Builds the {@code gsm8k-react} task handler from the bundled data and the container's environment. */
public final class Gsm8kReactContainer {
    /** The built-in name: {@code ./gepa serve gsm8k-react}, {@code [container] builtin = "gsm8k-react"}. */
    public static final String NAME = "gsm8k-react";
    /** Environment variable: model calls per episode (default {@value ReactTaskHandler#DEFAULT_MAX_STEPS}). */
    public static final String MAX_STEPS_ENV = "GSM8K_REACT_MAX_STEPS";

    private Gsm8kReactContainer() {
    }

    /** A handler reading its options from the process environment. */
    public static ReactTaskHandler create() {
        return create(System::getenv);
    }

    /** A handler reading its options through {@code environment}. */
    public static ReactTaskHandler create(UnaryOperator<String> environment) {
        int maxSteps = ContainerSettings.intSetting(environment, MAX_STEPS_ENV, ReactTaskHandler.DEFAULT_MAX_STEPS, 1,
                ReactTaskHandler.MAX_MAX_STEPS);
        return new ReactTaskHandler(Gsm8kRows.bundled(), new PolicyModels(environment)::forPolicy, maxSteps);
    }
}
