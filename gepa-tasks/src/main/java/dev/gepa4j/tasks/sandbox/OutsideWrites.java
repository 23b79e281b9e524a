package dev.gepa4j.tasks.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and deletes what a run with a user id of its own wrote outside its folder. Such a user can only create
 * files in world-writable directories (and in directories it created there), so only those are searched: the
 * usual ones ({@code /tmp}, {@code /var/tmp}, {@code /dev/shm}) and their world-writable or run-owned
 * subdirectories, a few levels deep, without following links. The sandbox's own folder tree is skipped.
 */
final class OutsideWrites {
    static final List<Path> WORLD_WRITABLE = List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"));
    private static final int MAX_DEPTH = 4;

    private OutsideWrites() {
    }

    /** Paths owned by {@code uid} under the searched directories, deleted before returning. */
    static List<String> removeAll(int uid, Path skip) {
        List<Path> found = new ArrayList<>();
        for (Path root : WORLD_WRITABLE) {
            if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                search(root, uid, skip, found);
            }
        }
        List<String> names = new ArrayList<>();
        for (Path p : found) {
            names.add(p.toString());
            delete(p);
        }
        return names;
    }

    private static void search(Path root, int uid, Path skip, List<Path> found) {
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(skip)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!dir.equals(root) && owner(dir) == uid) {
                        found.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return dir.equals(root) || worldWritable(dir) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (owner(file) == uid) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // an unreadable tree holds nothing this user could have written
        }
    }

    private static int owner(Path p) {
        try {
            return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean worldWritable(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Deletes a file or a whole tree, without following links. */
    static void delete(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.deleteIfExists(q);
                } catch (IOException e) {
                    // left behind; the caller reported the path
                }
            });
        } catch (IOException e) {
            // already gone
        }
    }
}
