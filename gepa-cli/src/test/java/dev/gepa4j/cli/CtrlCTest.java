package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading whether SIGINT is ignored from a {@code /proc/PID/status} file (the live process is covered end to end). */
class CtrlCTest {
    @TempDir
    Path dir;

    @Test
    void sigint_is_ignored_when_bit_one_of_the_sigign_mask_is_set() throws Exception {
        // SIGHUP (bit 0) and SIGINT (bit 1), as under nohup in a script's background job
        assertThat(CtrlC.ignoredIn(status("0000000080000003"))).isTrue();
    }

    @Test
    void sigint_is_not_ignored_when_only_other_signals_are() throws Exception {
        // SIGHUP and SIGPIPE (bit 12) ignored, SIGINT handled
        assertThat(CtrlC.ignoredIn(status("0000000000001001"))).isFalse();
    }

    @Test
    void a_missing_file_or_line_counts_as_not_ignored() throws Exception {
        assertThat(CtrlC.ignoredIn(dir.resolve("absent"))).isFalse();
        assertThat(CtrlC.ignoredIn(Files.writeString(dir.resolve("no-mask"), "Name:\tjava\n"))).isFalse();
        assertThat(CtrlC.ignoredIn(Files.writeString(dir.resolve("garbled"), "SigIgn:\tzz\n"))).isFalse();
    }

    private Path status(String mask) throws Exception {
        return Files.writeString(dir.resolve("status-" + mask), "Name:\tjava\nSigBlk:\t0000000000000000\nSigIgn:\t"
                + mask + "\nSigCgt:\t0000000000004000\n");
    }
}
