package dev.gepa4j.tasks.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Counts the processes and threads of the user running gepa4j, for a run that shares that user id: the process limit
 * counts every task of the user, so a run's limit is set to this count plus its own allowance. Best effort (other
 * programs of the user may start or end meanwhile).
 */
final class UserTasks {
    private UserTasks() {
    }

    static int count() {
        return countOf(IsolationProbe.hostUid());
    }

    /**
     * The processes and threads (zombies and exiting ones included: the kernel's process limit counts them until
     * they are reaped) that run under {@code uid}.
     */
    static int countOf(int uid) {
        int total = 0;
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path p : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                total += threadsOf(p, uid);
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    private static int threadsOf(Path proc, int uid) {
        try {
            if ((Integer) Files.getAttribute(proc, "unix:uid") != uid) {
                return 0;
            }
            return Files.readAllLines(proc.resolve("status")).stream().filter(l -> l.startsWith("Threads:"))
                    .mapToInt(l -> Integer.parseInt(l.substring("Threads:".length()).strip())).findFirst().orElse(1);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
