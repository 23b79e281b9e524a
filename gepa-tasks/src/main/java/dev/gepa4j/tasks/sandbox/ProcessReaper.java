package dev.gepa4j.tasks.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Kills everything one sandboxed run started. The run's interpreter leads a session of its own, so its processes
 * are found through {@code /proc} by session id, and, when the run has a user id of its own, by that user id too
 * (which also finds a process that started a new session to hide). Killing repeats until none is left (a fork bomb
 * keeps forking while it is killed), bounded in rounds.
 */
final class ProcessReaper {
    private static final Path PROC = Path.of("/proc");
    private static final int ROUNDS = 200;

    private ProcessReaper() {
    }

    /**
     * Kills the leader and every process of its session (or of {@code uid}, when {@code uid >= 0}).
     *
     * @return how many processes were still found after the last round (0 when all are gone)
     */
    static int killAll(Process leader, int uid) {
        long session = leader.pid();
        leader.destroyForcibly();
        int left = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> alive = Stream.concat(leader.descendants(), members(session, uid).stream())
                    .distinct().toList();
            alive.forEach(ProcessHandle::destroyForcibly);
            left = alive.size();
            if (left == 0 && !leader.isAlive()) {
                return 0;
            }
            try {
                Thread.sleep(round < 20 ? 5 : 25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
        }
        return left;
    }

    /** Running (not zombie) processes of {@code session}, or of {@code uid} when it is set. */
    private static List<ProcessHandle> members(long session, int uid) {
        if (!Files.isDirectory(PROC)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> belongs(p, session, uid))
                    .map(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())))
                    .flatMap(Optional::stream).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean belongs(Path proc, long session, int uid) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (after[0].equals("Z") || after[0].equals("X")) {
                return false; // a zombie is already dead; its parent (or init) reaps it
            }
            if (Long.parseLong(after[3]) == session) {
                return true;
            }
            return uid >= 0 && ((Integer) Files.getAttribute(proc, "unix:uid")) == uid;
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }
}
