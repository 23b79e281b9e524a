package dev.gepa4j.tasks.gsm8k.debate;

import dev.gepa4j.tasks.gsm8k.ContainerSettings;
import dev.gepa4j.tasks.gsm8k.Gsm8kRows;
import dev.gepa4j.tasks.chat.PolicyModels;
import java.util.function.UnaryOperator;

/** Builds the {@code gsm8k-debate} task handler from the bundled data and the container's environment. */
public final class Gsm8kDebateContainer {
    /** The built-in name: {@code ./gepa serve gsm8k-debate}, {@code [container] builtin = "gsm8k-debate"}. */
    public static final String NAME = "gsm8k-debate";
    /** Environment variable: rounds per debate (default {@value DebateTaskHandler#DEFAULT_MAX_ROUNDS}). */
    public static final String MAX_ROUNDS_ENV = "GSM8K_DEBATE_MAX_ROUNDS";

    private Gsm8kDebateContainer() {
    }

    /** A handler reading its options from the process environment. */
    public static DebateTaskHandler create() {
        return create(System::getenv);
    }

    /** A handler reading its options through {@code environment}. */
    public static DebateTaskHandler create(UnaryOperator<String> environment) {
        int rounds = ContainerSettings.intSetting(environment, MAX_ROUNDS_ENV, DebateTaskHandler.DEFAULT_MAX_ROUNDS, 1,
                DebateTaskHandler.MAX_MAX_ROUNDS);
        return new DebateTaskHandler(Gsm8kRows.bundled(), new PolicyModels(environment)::forPolicy, rounds);
    }
}
