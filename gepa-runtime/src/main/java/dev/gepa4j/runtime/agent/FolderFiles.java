package dev.gepa4j.runtime.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file an agent wrote, refusing anything that could make the read go elsewhere or grow unbounded: the path
 * must stay inside the folder, no component of it may be a symbolic link (checked before opening, and the file
 * itself is opened with {@code O_NOFOLLOW}), it must be a regular file, and its size is checked on the open file
 * before a byte is read; at most the cap is ever read, even if the file grows meanwhile.
 */
final class FolderFiles {
    private FolderFiles() {
    }

    /**
     * The text of {@code relative} inside {@code root}.
     *
     * @param what  how to name the limit in a refusal (e.g. {@code max_file_kb = 1024})
     * @throws IllegalArgumentException saying what is wrong: outside, a link, not a regular file, too large,
     *                                  unreadable
     */
    static String read(Path root, String relative, long cap, String what) {
        Path base = root.toAbsolutePath().normalize();
        Path target = base.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !target.startsWith(base) || target.equals(base)) {
            throw new IllegalArgumentException("'" + relative + "' is outside the proposal folder");
        }
        Path walked = base;
        for (Path part : base.relativize(target)) {
            walked = walked.resolve(part);
            if (Files.isSymbolicLink(walked)) {
                throw new IllegalArgumentException("'" + base.relativize(walked) + "' is a symbolic link; it was not "
                        + "followed: write a regular file");
            }
        }
        try (SeekableByteChannel ch = Files.newByteChannel(target, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes attrs = Files.readAttributes(target, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                throw new IllegalArgumentException("'" + relative + "' is not a regular file");
            }
            long size = ch.size();
            if (size > cap) {
                throw new IllegalArgumentException("'" + relative + "' is " + kb(size) + ", over " + what
                        + "; it was not read");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(cap + 1, size + 1));
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read at most cap + 1 bytes: one more than allowed shows the file grew after the size check
            }
            if (buf.position() > cap) {
                throw new IllegalArgumentException("'" + relative + "' grew past " + what + " while being read");
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("'" + relative + "' does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read '" + relative + "': " + e.getMessage());
        }
    }

    /** A byte count for people: "312 KB" or "1.5 MB". */
    static String kb(long bytes) {
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
