package dev.gepa4j.cli;

import dev.gepa4j.cli.config.ContainerSection;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.runtime.container.ContainerAuth;
import dev.gepa4j.runtime.container.HttpContainerOptions;
import dev.gepa4j.runtime.container.HttpTaskContainer;
import java.util.ArrayList;
import java.util.List;

/** Connecting to the configured containers. */
final class Containers {
    private Containers() {
    }

    /** One client per endpoint, each preflighted (health, contract declaration, program, dataset). */
    static List<TaskContainer> connect(List<String> urls, ContainerSection section) {
        HttpContainerOptions options = HttpContainerOptions.defaults()
                .withSplits(section.trainSplit(), section.heldoutSplit(), section.paretoSplit(), section.testSplit())
                .withCaps((long) section.maxResponseMb() << 20, section.maxTraceKb() << 10)
                .withAuth(ContainerAuth.parse(section.auth()))
                .withSubmission(section.rolloutSubmission());
        if (section.apiKeyEnv() != null) {
            String key = System.getenv(section.apiKeyEnv());
            if (key == null || key.isBlank()) {
                throw new UserFacingException("[container] api_key_env = \"" + section.apiKeyEnv()
                        + "\", but that environment variable is not set");
            }
            options = options.withApiKey(key);
        }
        List<TaskContainer> out = new ArrayList<>();
        for (String url : urls) {
            HttpTaskContainer container = new HttpTaskContainer(url, options);
            try {
                container.preflight();
            } catch (RuntimeException e) {
                container.close();
                out.forEach(TaskContainer::close);
                throw e;
            }
            out.add(container);
        }
        return out;
    }

    /**
     * The per-rollout timeout of the queue: {@code [container] timeout_seconds}, or {@code async_timeout_seconds}
     * when some endpoint takes rollouts asynchronously (each async exchange keeps {@code timeout_seconds}).
     */
    static java.time.Duration rolloutTimeout(List<TaskContainer> containers, ContainerSection section) {
        boolean async = containers.stream().anyMatch(c -> c instanceof HttpTaskContainer h && h.asyncRollouts());
        return java.time.Duration.ofSeconds(async ? section.asyncTimeoutSeconds() : section.timeoutSeconds());
    }

    static void closeAll(List<AutoCloseable> closers) {
        dev.gepa4j.api.engine.RunEngine.closeAll(closers);
    }
}
