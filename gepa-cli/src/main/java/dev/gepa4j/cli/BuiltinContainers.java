package dev.gepa4j.cli;

import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.sdk.TaskHandler;
import dev.gepa4j.tasks.banking77.SplitSizes;
import dev.gepa4j.tasks.banking77.container.Banking77Container;
import dev.gepa4j.tasks.gsm8k.debate.Gsm8kDebateContainer;
import dev.gepa4j.tasks.gsm8k.react.Gsm8kReactContainer;
import dev.gepa4j.tasks.humaneval.HumanEvalContainer;
import dev.gepa4j.tasks.ifeval.container.IfevalPipelineContainer;
import java.util.List;

/** The task containers that ship with gepa4j, by name. */
final class BuiltinContainers {
    static final List<String> NAMES = List.of("banking77", IfevalPipelineContainer.NAME, HumanEvalContainer.NAME,
            Gsm8kReactContainer.NAME, Gsm8kDebateContainer.NAME);

    private BuiltinContainers() {
    }

    /** The names, for picocli's {@code ${COMPLETION-CANDIDATES}} in help texts. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }

    static TaskHandler handler(String name) {
        return switch (name) {
            case "banking77" -> Banking77Container.create(SplitSizes.CONTAINER);
            case IfevalPipelineContainer.NAME -> IfevalPipelineContainer.create();
            case HumanEvalContainer.NAME -> HumanEvalContainer.create();
            case Gsm8kReactContainer.NAME -> Gsm8kReactContainer.create();
            case Gsm8kDebateContainer.NAME -> Gsm8kDebateContainer.create();
            default -> throw new IllegalArgumentException("no built-in container named '" + name + "'; built-ins: "
                    + String.join(", ", NAMES));
        };
    }

    /** Starts a built-in container over HTTP; the caller closes it. */
    static ContainerServer start(String name, ServerOptions options) {
        return ContainerServer.start(handler(name), options.withRuntimeId("gepa4j_" + name));
    }
}
