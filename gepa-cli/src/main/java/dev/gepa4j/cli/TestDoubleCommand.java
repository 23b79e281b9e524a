package dev.gepa4j.cli;

import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.ScriptFile;
import dev.gepa4j.testkit.llm.ScriptedReply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gepa test-double openai --port P}: a local OpenAI-compatible server that stands in for a hosted LLM, so the
 * LLM proposer can be tried end to end with no key and no network. It is a test double, not a model: its default
 * answer echoes the current prompt plus one numbered advice line (or plays a scripted reply file), and it plays
 * scripted policy models for the built-in tasks that call one (e.g. {@code gsm8k-react}'s tool calls).
 */
@Command(name = "test-double", description = "Local stand-ins for what cannot be reached from here (a hosted LLM).",
        subcommands = TestDoubleCommand.OpenAi.class)
public final class TestDoubleCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The OpenAI-compatible test double; serves until Ctrl-C. */
    @Command(name = "openai", description = "Serve POST /v1/chat/completions on 127.0.0.1 (TEST DOUBLE).")
    public static final class OpenAi implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8089", description = "port (0 = a free one; default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--script", description = "JSON file of scripted replies, played in order")
        Path script;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            List<ScriptedReply> replies = List.of();
            if (script != null) {
                try {
                    replies = ScriptFile.read(script);
                } catch (IOException e) {
                    throw new UserFacingException("--script " + script + ": cannot read the replies (" + e.getMessage()
                            + "); give a JSON array of replies such as [{\"content\": \"...\"}]", e);
                }
            }
            OpenAiCompatibleTestServer server = OpenAiCompatibleTestServer.start(port);
            server.enqueue(replies.toArray(ScriptedReply[]::new));
            spec.commandLine().getOut().println("OpenAI-compatible TEST DOUBLE listening on " + server.baseUrl()
                    + " (Anthropic: " + server.anthropicBaseUrl() + "); Ctrl-C to stop");
            spec.commandLine().getOut().flush();
            Thread.currentThread().join();
            return 0;
        }
    }
}
