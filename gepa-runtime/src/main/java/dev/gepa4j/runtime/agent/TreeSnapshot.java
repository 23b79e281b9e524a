package dev.gepa4j.runtime.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Paths, sizes and modification times of a folder tree, minus excluded subtrees; two snapshots taken before and
 * after an agent run show what it created, changed or deleted there. Symbolic links are recorded, not followed.
 */
record TreeSnapshot(Map<Path, String> entries) {
    /** The workspace database files: the run writes them itself while an agent works, so they are not compared. */
    static final Set<String> WRITTEN_BY_RUN = Set.of("workspace.sqlite", "workspace.sqlite-wal",
            "workspace.sqlite-shm", "workspace.sqlite-journal");

    static TreeSnapshot of(Path root, Set<Path> excluded) {
        Map<Path, String> entries = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return new TreeSnapshot(entries);
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (excluded.contains(dir.toAbsolutePath().normalize())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    entries.put(dir, "dir");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (WRITTEN_BY_RUN.contains(String.valueOf(file.getFileName()))) {
                        return FileVisitResult.CONTINUE;
                    }
                    entries.put(file, attrs.size() + "@" + attrs.lastModifiedTime().toMillis() + "#" + attrs.fileKey()
                            + (attrs.isSymbolicLink() ? "->link" : ""));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    entries.put(file, "unreadable");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return new TreeSnapshot(entries);
    }

    /** Paths created, changed or deleted since {@code before}. */
    List<Path> changesSince(TreeSnapshot before) {
        List<Path> changed = new ArrayList<>();
        entries.forEach((p, sig) -> {
            if (!Objects.equals(before.entries.get(p), sig)) {
                changed.add(p);
            }
        });
        before.entries.keySet().stream().filter(p -> !entries.containsKey(p)).forEach(changed::add);
        return changed;
    }
}
