package dev.gepa4j.cli;

import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gepa test-double openai --port P}: a local OpenAI-compatible server that stands in for a hosted LLM, so the
 * LLM proposer can be tried end to end with no key and no network. It is a test double, not a model: its default
 * answer echoes the current prompt plus one numbered advice line (or plays a scripted reply file).
 */
@Command(name = "test-double", description = "Local stand-ins for what cannot be reached from here (a hosted LLM).",
        subcommands = TestDoubleCommand.OpenAi.class)
public final class TestDoubleCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("usage: gepa test-double openai --port P [--script replies.json]");
    }

    /** The OpenAI-compatible test double. */
    @Command(name = "openai", description = "Serve POST /v1/chat/completions on 127.0.0.1 (TEST DOUBLE).")
    public static final class OpenAi implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8089", description = "port (0 = a free one; default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--script", description = "JSON file of scripted replies, played in order")
        String script;

        @Override
        public Integer call() throws Exception {
            List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port)));
            if (script != null) {
                args.addAll(List.of("--script", script));
            }
            OpenAiCompatibleTestServer.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
