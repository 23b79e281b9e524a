package dev.gepa4j.runtime.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an agent changed outside its proposal folder, in the watched folders (at least the whole workspace folder),
 * and the clean-up: files and folders it <em>created</em> there are moved into {@code <proposal>/outside-writes/}
 * (quarantined: out of the way, kept for inspection); files it changed or deleted are named in the rejection but
 * cannot be restored (no copies are kept). The workspace database files, which the run itself writes while the agent
 * works, are not compared.
 */
final class OutsideWrites {
    private final Map<Path, TreeSnapshot> before = new LinkedHashMap<>();

    private OutsideWrites() {
    }

    /** Snapshots {@code roots}, leaving out the {@code excluded} folders. */
    static OutsideWrites before(List<Path> roots, Set<Path> excluded) {
        OutsideWrites w = new OutsideWrites();
        for (Path root : roots) {
            w.before.put(root, TreeSnapshot.of(root, excluded));
        }
        return w;
    }

    /**
     * Compares with the state now, quarantines what was created into {@code quarantine}, and describes every change;
     * empty when nothing changed.
     */
    List<String> settle(Set<Path> excluded, Path quarantine) {
        List<String> report = new ArrayList<>();
        for (var e : before.entrySet()) {
            Path root = e.getKey();
            TreeSnapshot then = e.getValue();
            TreeSnapshot now = TreeSnapshot.of(root, excluded);
            for (Path p : now.changesSince(then)) {
                boolean created = !then.entries().containsKey(p);
                boolean deleted = !now.entries().containsKey(p);
                if (created && then.entries().containsKey(p.getParent()) || created && p.getParent().equals(root)) {
                    report.add(quarantineOne(root, p, quarantine));
                } else if (!created) {
                    report.add((deleted ? "deleted " : "changed ") + p + " (not undone)");
                }
                // created inside a folder that was itself created: moved with that folder
            }
        }
        return report;
    }

    private static String quarantineOne(Path root, Path created, Path quarantine) {
        Path target = quarantine.resolve(root.getFileName() == null ? "root" : root.getFileName().toString())
                .resolve(root.relativize(created));
        try {
            Files.createDirectories(target.getParent());
            Files.move(created, target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return "created " + created + " (moved to " + target + ")";
        } catch (IOException e) {
            return "created " + created + " (could not be moved away: " + e.getMessage() + ")";
        }
    }
}
