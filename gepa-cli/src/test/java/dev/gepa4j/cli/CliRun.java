package dev.gepa4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs a {@code gepa} command in the test's JVM through {@link Main#commandLine()}, as {@code ./gepa} would, and keeps
 * what it wrote: standard output (the summary line, help), the command line's error writer (where
 * {@link FriendlyErrors} reports failures) and {@code System.err} (progress, start-up lines, library logs), apart.
 */
final class CliRun {
    private CliRun() {
    }

    /** What one command returned and wrote. */
    record Output(int code, String out, String cliErr, String systemErr) {
        /** Everything written to standard error: the process's own stream, then the command line's. */
        String allErr() {
            return systemErr + cliErr;
        }
    }

    static Output run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        StringWriter cliErr = new StringWriter();
        PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(capturedOut);
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        int code;
        try {
            var cl = Main.commandLine();
            cl.setOut(new PrintWriter(capturedOut, true));
            cl.setErr(new PrintWriter(cliErr, true));
            code = cl.execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Output(code, out.toString(StandardCharsets.UTF_8), cliErr.toString(),
                systemErr.toString(StandardCharsets.UTF_8));
    }
}
