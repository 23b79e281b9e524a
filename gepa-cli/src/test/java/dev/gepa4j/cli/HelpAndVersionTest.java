package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand answers {@code --help} with its usage; the top answers {@code --version}. */
class HelpAndVersionTest {

    @Test
    void every_command_and_subcommand_answers_help_with_its_usage_and_exit_0() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).as("commands found").extracting(p -> String.join(" ", p))
                .contains("demo", "run", "resume", "serve", "check", "console", "runs", "show", "bench",
                        "bench fanout", "bench overlap", "test-double", "test-double openai");
        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine cl = Main.commandLine();
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));

                int code = cl.execute(args.toArray(String[]::new));

                assertThat(code).as("exit code of gepa %s; stderr: %s", args, err).isZero();
                assertThat(out.toString()).as("gepa %s", args).startsWith("Usage: gepa " + String.join(" ", path))
                        .contains("--help");
                assertThat(err.toString()).as("gepa %s", args).isEmpty();
            }
        }
    }

    @Test
    void version_is_the_version_of_the_build() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));

        int code = cl.execute("--version");

        assertThat(code).isZero();
        String pom = Files.readString(RunCommandEndToEndTest.repoRoot().resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>gepa4j-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).as("the parent pom's version").isTrue();
        assertThat(out.toString()).startsWith("gepa4j " + version.group(1) + " (Java ");
        StringWriter err = new StringWriter();
        CommandLine sub = Main.commandLine();
        sub.setErr(new PrintWriter(err, true));
        assertThat(sub.execute("runs", "--workspace", "w", "--version")).as("--version belongs to the top command only").isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--version'");
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (sub.getValue().getCommand() instanceof CommandLine.HelpCommand) {
                continue;
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getKey());
            into.add(subPath);
            collect(sub.getValue(), subPath, into);
        }
    }
}
