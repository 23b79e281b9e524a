package dev.gepa4j.runtime.agent;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;

/**
 * Hides secret values from this process's {@code /proc/<pid>/environ}, which any process of the same user (an
 * agent included) can read even when the agent's own environment lacks the key.
 *
 * <p>On Linux that file shows the environment block the process was started with, in its own memory; this class
 * overwrites the values of the named variables there with {@code *} through {@code /proc/self/mem}. The JVM's copy
 * ({@link System#getenv}) is read first and keeps working, so the runtime still has the keys it needs. Elsewhere,
 * or when the block cannot be written, it does nothing and says so. What remains readable is listed in
 * docs/security.md (the JVM's heap for a process allowed to ptrace it, other processes that hold the key).
 *
 * <p>Side effect: the C library's environment is that block, so a subprocess this JVM starts afterwards that
 * inherits the environment implicitly (a {@link ProcessBuilder} whose {@code environment()} was never touched) sees
 * {@code *} for those variables. A subprocess given its environment explicitly ({@code pb.environment()}, which
 * copies the JVM's intact map) is unaffected; gepa4j's own launches do that.
 */
final class EnvironBlock {
    private EnvironBlock() {
    }

    /**
     * Overwrites the values of {@code names} in this process's initial environment block.
     *
     * @return how many values were hidden, or -1 when the block cannot be reached (not Linux, no /proc)
     */
    static synchronized int hide(Collection<String> names) {
        System.getenv(); // the JVM copies the environment on first use: make sure that happened before the wipe
        Path stat = Path.of("/proc/self/stat");
        if (names.isEmpty() || !Files.isReadable(stat)) {
            return names.isEmpty() ? 0 : -1;
        }
        try {
            String text = Files.readString(stat);
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long start = Long.parseLong(f[47]); // env_start is field 50 of /proc/<pid>/stat (Linux 3.5+)
            long end = Long.parseLong(f[48]);
            if (start <= 0 || end <= start || end - start > (1 << 24)) {
                return -1;
            }
            try (RandomAccessFile mem = new RandomAccessFile("/proc/self/mem", "rw")) {
                byte[] block = new byte[(int) (end - start)];
                mem.seek(start);
                mem.readFully(block);
                int hidden = 0;
                String env = new String(block, StandardCharsets.ISO_8859_1);
                for (String name : names) {
                    hidden += wipe(mem, start, env, name);
                }
                return hidden;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int wipe(RandomAccessFile mem, long start, String env, String name) throws IOException {
        int hidden = 0;
        String prefix = name + "=";
        for (int at = 0; at < env.length(); at = env.indexOf('\0', at) + 1) {
            if (env.startsWith(prefix, at)) {
                int valueStart = at + prefix.length();
                int valueEnd = env.indexOf('\0', valueStart);
                valueEnd = valueEnd < 0 ? env.length() : valueEnd;
                byte[] stars = new byte[valueEnd - valueStart];
                Arrays.fill(stars, (byte) '*');
                mem.seek(start + valueStart);
                mem.write(stars);
                hidden++;
            }
            if (env.indexOf('\0', at) < 0) {
                break;
            }
        }
        return hidden;
    }
}
