package dev.gepa4j.core.strategy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Stops once a file exists at the path (touch it to end a run cleanly from another terminal or a script). */
public record StopFile(Path path) implements StopCondition {
    public StopFile {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public Optional<String> check(LoopProgress p) {
        return Files.exists(path) ? Optional.of("stop file " + path) : Optional.empty();
    }
}
