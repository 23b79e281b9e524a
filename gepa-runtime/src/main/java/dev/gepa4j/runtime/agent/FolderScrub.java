package dev.gepa4j.runtime.agent;

import dev.gepa4j.core.secret.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes known secret values from the files an agent left in its proposal folder, once the proposal has been
 * read: the folder stays in the workspace folder as a record, and a key the agent was given ({@code pass_env}) or
 * found must not stay in it. Regular files up to the cap are rewritten with each value replaced; links are not
 * followed; a larger file holding a value is deleted, since it cannot be scrubbed without reading it whole.
 */
final class FolderScrub {
    private FolderScrub() {
    }

    /** Scrubs every regular file under {@code dir}; returns the files changed or deleted, relative to {@code dir}. */
    static List<String> scrub(Path dir, Secrets secrets, long maxFileBytes) {
        if (secrets.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> scrubOne(dir, p, secrets, maxFileBytes)).filter(s -> s != null).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scrub proposal folder " + dir, e);
        }
    }

    private static String scrubOne(Path dir, Path file, Secrets secrets, long maxFileBytes) {
        try {
            long size = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
            if (size > maxFileBytes) {
                if (containsSecret(file, secrets)) {
                    Files.delete(file);
                    return dir.relativize(file) + " (deleted: too large to scrub)";
                }
                return null;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            String scrubbed = secrets.scrub(text);
            if (scrubbed.equals(text)) {
                return null;
            }
            Files.write(file, scrubbed.getBytes(StandardCharsets.ISO_8859_1)); // byte-preserving round trip
            return dir.relativize(file).toString();
        } catch (IOException e) {
            return dir.relativize(file) + " (could not be scrubbed: " + e.getMessage() + ")";
        }
    }

    /** Streams a large file in windows overlapping by the longest value, so a value across a boundary is found. */
    private static boolean containsSecret(Path file, Secrets secrets) throws IOException {
        int overlap = 4096;
        byte[] buf = new byte[1 << 20];
        String carry = "";
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                String window = carry + new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                if (secrets.foundIn(window).isPresent()) {
                    return true;
                }
                carry = window.substring(Math.max(0, window.length() - overlap));
            }
        }
        return false;
    }
}
