package dev.gepa4j.cli;

import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gepa serve NAME --port P}: serves a built-in task container until interrupted. */
@Command(name = "serve", description = "Serve a built-in task container over HTTP (see docs/tasks.md).")
public final class ServeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = BuiltinContainers.Names.class,
            description = "built-in container: ${COMPLETION-CANDIDATES}")
    String name;

    @Option(names = "--port", defaultValue = "8000", description = "port (0 = a free one; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "interface to bind (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--api-key-env", description = "require X-API-Key equal to this environment variable's value")
    String apiKeyEnv;

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions defaults = ServerOptions.defaults();
        ServerOptions options = new ServerOptions(host, port, null, defaults.maxBodyBytes(),
                defaults.rememberedRollouts(), null);
        if (apiKeyEnv != null) {
            String key = System.getenv(apiKeyEnv);
            if (key == null || key.isBlank()) {
                throw new UserFacingException("--api-key-env " + apiKeyEnv + ": that environment variable is not set");
            }
            options = options.withApiKey(key);
        }
        ContainerServer server = BuiltinContainers.start(name, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("serving " + name + " at " + server.url() + " (Ctrl-C to stop; check it with ./gepa check "
                + server.url() + ")");
        stopped.await();
        return 0;
    }
}
