package dev.gepa4j.runtime.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Where a meta-prompt override comes from: a file (read when the proposer is built) or inline text. */
public sealed interface MetaPromptSource {

    /** The template text. */
    String load();

    /** A template file; the error names the file when it cannot be read. */
    record FromFile(Path path) implements MetaPromptSource {
        public FromFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String load() {
            try {
                return Files.readString(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read meta-prompt file " + path.toAbsolutePath()
                        + " (set in [proposer.meta_prompt]); check the path, relative paths resolve against the config's folder", e);
            }
        }
    }

    /** A template given inline in the config. */
    record Inline(String text) implements MetaPromptSource {
        public Inline {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String load() {
            return text;
        }
    }

    /**
     * Reads a config value: {@code "file:some/path.md"} is a file (relative to {@code baseDir}), anything else is the
     * template text itself.
     */
    static MetaPromptSource parse(String value, Path baseDir) {
        if (value.startsWith("file:")) {
            Path p = Path.of(value.substring("file:".length()).trim());
            return new FromFile(p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p));
        }
        return new Inline(value);
    }
}
