package dev.gepa4j.runtime.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an agent changed outside its proposal folder, in the watched folders (at least the whole workspace folder),
 * and the clean-up:
 * <ul>
 *   <li>files and folders it <em>created</em> there are moved into {@code <proposal>/outside-writes/}
 *       (quarantined: out of the way, kept for inspection);</li>
 *   <li>files it changed or deleted are restored from a copy taken before the run, when one was taken: copies are
 *       kept of regular files up to {@link #COPY_MAX_FILE_BYTES} outside the {@code proposals} folders, up to
 *       {@link #COPY_BUDGET_BYTES} in all (the changed version is quarantined first); the others are named in the
 *       rejection as not undone.</li>
 * </ul>
 * The workspace database files, which the run itself writes while the agent works, are not compared.
 */
final class OutsideWrites {
    static final long COPY_MAX_FILE_BYTES = 1024 * 1024;
    static final long COPY_BUDGET_BYTES = 16L * 1024 * 1024;
    private final Map<Path, TreeSnapshot> before = new LinkedHashMap<>();
    private final Map<Path, byte[]> copies = new HashMap<>();

    private OutsideWrites() {
    }

    /** Snapshots {@code roots}, leaving out the {@code excluded} folders, and copies the small files it may restore. */
    static OutsideWrites before(List<Path> roots, Set<Path> excluded) {
        OutsideWrites w = new OutsideWrites();
        long budget = COPY_BUDGET_BYTES;
        for (Path root : roots) {
            TreeSnapshot snapshot = TreeSnapshot.of(root, excluded);
            w.before.put(root, snapshot);
            for (Path file : snapshot.entries().keySet()) {
                long size = copyableSize(root, file);
                if (size >= 0 && size <= budget) {
                    try {
                        w.copies.put(file, Files.readAllBytes(file));
                        budget -= size;
                    } catch (IOException unreadable) {
                        // not restorable; reported as not undone if the agent touches it
                    }
                }
            }
        }
        return w;
    }

    /** The size of a regular, non-link file worth copying, or -1. */
    private static long copyableSize(Path root, Path file) {
        if (root.relativize(file).startsWith("proposals") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return -1;
        }
        try {
            long size = Files.size(file);
            return size <= COPY_MAX_FILE_BYTES ? size : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Compares with the state now, quarantines what was created into {@code quarantine}, restores what it can, and
     * describes every change; empty when nothing changed.
     */
    List<String> settle(Set<Path> excluded, Path quarantine) {
        List<String> report = new ArrayList<>();
        for (var e : before.entrySet()) {
            Path root = e.getKey();
            TreeSnapshot then = e.getValue();
            TreeSnapshot now = TreeSnapshot.of(root, excluded);
            for (Path p : now.changesSince(then)) {
                boolean created = !then.entries().containsKey(p);
                if (created && then.entries().containsKey(p.getParent())) {
                    report.add("created " + p + " (" + quarantineOne(root, p, quarantine) + ")");
                } else if (!created) {
                    report.add(restore(root, p, now.entries().containsKey(p), quarantine));
                }
                // created inside a folder that was itself created: moved with that folder
            }
        }
        return report;
    }

    private String restore(Path root, Path p, boolean stillThere, Path quarantine) {
        String what = (stillThere ? "changed " : "deleted ") + p;
        byte[] copy = copies.get(p);
        if (copy == null || stillThere && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return what + " (not undone: no copy was kept)";
        }
        try {
            if (stillThere) {
                quarantineOne(root, p, quarantine);
            }
            Files.write(p, copy);
            return what + " (restored)";
        } catch (IOException e) {
            return what + " (could not be restored: " + e.getMessage() + ")";
        }
    }

    /** Moves {@code p} under {@code quarantine}, keeping its path below the watched root; says where it went. */
    private static String quarantineOne(Path root, Path p, Path quarantine) {
        Path target = quarantine.resolve(root.getFileName() == null ? "root" : root.getFileName().toString())
                .resolve(root.relativize(p));
        try {
            Files.createDirectories(target.getParent());
            Files.move(p, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.REPLACE_EXISTING);
            return "moved to " + target;
        } catch (IOException e) {
            return "could not be moved away: " + e.getMessage();
        }
    }
}
