package dev.gepa4j.cli;

import dev.gepa4j.cli.config.ConfigException;
import dev.gepa4j.cli.config.ConfigLoader;
import dev.gepa4j.cli.config.ReferenceConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gepa import-config FILE}: converts a config of the reference GEPA runtime into a gepa4j {@code gepa.toml}.
 * The keys with no gepa4j equivalent head the output as comments (and go to standard error with {@code --out}), so
 * none is lost without a word. The result is parsed as a gepa4j config before it is written.
 */
@Command(name = "import-config",
        description = "Convert a config file of the reference GEPA runtime to a gepa4j gepa.toml; keys with no "
                + "equivalent are listed, never dropped silently.")
public final class ImportConfigCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the reference runtime's TOML")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "write the gepa4j config here instead of stdout")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist");
        }
        JsonNode tree;
        try {
            tree = new TomlMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid TOML: " + e.getMessage(), e);
        }
        ReferenceConfig.Result result = ReferenceConfig.convert(tree);
        String toml = ConfigLoader.toToml(result.config());
        ConfigLoader.parse(toml, file + " (converted)"); // a conversion gepa4j cannot read is an error, not a file
        StringBuilder text = new StringBuilder("# converted from " + file.getFileName() + " by ./gepa import-config\n");
        if (!result.unmapped().isEmpty()) {
            text.append("# not carried over (no gepa4j equivalent):\n");
            result.unmapped().forEach(u -> text.append("#   ").append(u).append('\n'));
        }
        result.notes().forEach(n -> text.append("# note: ").append(n).append('\n'));
        text.append('\n').append(toml);
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(text);
        } else {
            Files.writeString(out, text);
            stdout.println("wrote " + out + (result.unmapped().isEmpty() ? "" : "; not carried over ("
                    + result.unmapped().size() + "): " + String.join("; ", result.unmapped())));
        }
        stdout.flush();
        return 0;
    }
}
