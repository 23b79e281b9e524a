package dev.gepa4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether Ctrl-C can reach this process. A process that starts with SIGINT ignored (a background job of a
 * non-interactive shell, or any parent that ignores it) keeps it ignored: the JVM then never begins its shutdown on
 * Ctrl-C, so nothing may wait for a Ctrl-C that cannot come. Linux tells through {@code /proc/self/status}; where
 * that file is missing the answer is "not ignored", since the JDK offers no supported way to ask.
 */
final class CtrlC {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final int SIGINT = 2;

    private CtrlC() {
    }

    /** True when this process ignores SIGINT (what Ctrl-C sends), so Ctrl-C would do nothing. */
    static boolean ignored() {
        return ignoredIn(STATUS);
    }

    /**
     * Reads the {@code SigIgn:} line (a hexadecimal mask, bit {@code n-1} for signal {@code n}) of a
     * {@code /proc/PID/status} file; false when the file or the line is missing or unreadable.
     */
    static boolean ignoredIn(Path status) {
        if (!Files.isReadable(status)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("SigIgn:")).findFirst()
                    .map(line -> new BigInteger(line.substring("SigIgn:".length()).trim(), 16).testBit(SIGINT - 1))
                    .orElse(false);
        } catch (IOException | UncheckedIOException | NumberFormatException unreadable) {
            return false;
        }
    }
}
