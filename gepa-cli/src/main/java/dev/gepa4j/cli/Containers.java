package dev.gepa4j.cli;

import dev.gepa4j.cli.config.ContainerSection;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.runtime.container.HttpContainerOptions;
import dev.gepa4j.runtime.container.HttpTaskContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/** Connecting to the configured containers and choosing seeds. */
final class Containers {
    private Containers() {
    }

    /** One client per endpoint, each preflighted (health, contract declaration, program, dataset). */
    static List<TaskContainer> connect(List<String> urls, ContainerSection section) {
        HttpContainerOptions options = HttpContainerOptions.defaults()
                .withSplits(section.trainSplit(), section.heldoutSplit())
                .withCaps((long) section.maxResponseMb() << 20, section.maxTraceKb() << 10);
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
     * The seeds to use: the explicit list, else the first {@code size} seeds (default: the whole split, at most
     * {@code cap}), never more than the container has.
     */
    static List<Long> seeds(List<Long> explicit, Integer size, Integer available, int cap, String what) {
        if (!explicit.isEmpty()) {
            return explicit;
        }
        if (available == null) {
            throw new UserFacingException("the container's /dataset does not list the " + what
                    + "; set [container] train_split / heldout_split to its split names, or list [dataset] seeds");
        }
        int n = size != null ? size : Math.min(available, cap);
        if (n > available) {
            throw new UserFacingException("[dataset] asks for " + n + " seeds of the " + what + ", which has only "
                    + available);
        }
        return LongStream.range(0, n).boxed().toList();
    }

    static void closeAll(List<AutoCloseable> closers) {
        for (int i = closers.size() - 1; i >= 0; i--) {
            try {
                closers.get(i).close();
            } catch (Exception e) {
                System.err.println("gepa: while closing " + closers.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
    }
}
