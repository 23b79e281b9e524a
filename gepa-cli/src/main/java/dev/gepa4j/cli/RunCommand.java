package dev.gepa4j.cli;

import dev.gepa4j.cli.config.ConfigLoader;
import dev.gepa4j.cli.config.GepaConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gepa run CONFIG.toml}: one run as the config file describes it. */
@Command(name = "run", description = "Run GEPA as a config file (gepa.toml) describes it.")
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "the run's gepa.toml")
    Path configFile;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        GepaConfig config = ConfigLoader.load(configFile);
        Path baseDir = configFile.toAbsolutePath().getParent();
        return new RunAssembly(config, baseDir, options).runFresh();
    }
}
