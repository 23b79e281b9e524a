package dev.gepa4j.runtime.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds and kills every process an agent started, so nothing of it outlives its proposal. The agent runs as the
 * leader of its own session and process group ({@code setsid}); the sweep kills
 * <ol>
 *   <li>the whole process group (children left behind when the agent exited keep its group);</li>
 *   <li>every descendant seen while the agent ran ({@link #watch} is polled during the run, so a grandchild that
 *       moved to a session of its own with {@code setsid} is still known by its pid and start time);</li>
 *   <li>on Linux, any process still carrying this run's marker variable in its environment, or belonging to the
 *       agent's session.</li>
 * </ol>
 * A process that both left the tree before it was polled and cleared its environment escapes; documented in
 * docs/security.md, where a container or sandbox is the answer.
 */
final class ProcessSweep {
    /** The environment variable marking every process of one agent run. */
    static final String MARKER = "GEPA_AGENT_RUN";
    private static final Path PROC = Path.of("/proc");

    private final Process leader;
    private final String marker;
    private final Map<Long, ProcessHandle> seen = new ConcurrentHashMap<>();

    ProcessSweep(Process leader, String marker) {
        this.leader = leader;
        this.marker = marker;
    }

    /** Records the leader's current descendants; cheap enough to call every few hundred milliseconds. */
    void watch() {
        leader.descendants().forEach(h -> seen.putIfAbsent(h.pid(), h));
    }

    /**
     * Kills everything of the agent and waits (bounded) until it is gone; returns how many of its processes (besides
     * the agent itself) were still running.
     */
    int killAll() {
        watch();
        long group = leader.pid();
        // isAlive is false for zombies: only processes really left running are counted
        List<ProcessHandle> alive = Stream.concat(seen.values().stream(), strays(group).stream()).distinct()
                .filter(ProcessHandle::isAlive).toList();
        signalGroup(group);
        alive.forEach(ProcessHandle::destroyForcibly);
        leader.destroyForcibly();
        waitGone(Stream.concat(alive.stream(), Stream.of(leader.toHandle())));
        return alive.size();
    }

    /** Processes of this agent found through /proc: its marker in their environment, or its session id. */
    private List<ProcessHandle> strays(long session) {
        if (!Files.isDirectory(PROC)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(pid -> pid != ProcessHandle.current().pid())
                    .filter(pid -> hasMarker(pid) || sessionOf(pid) == session)
                    .map(ProcessHandle::of).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private boolean hasMarker(long pid) {
        try {
            String env = "\0" + new String(Files.readAllBytes(PROC.resolve(pid + "/environ")),
                    StandardCharsets.ISO_8859_1);
            return env.contains("\0" + MARKER + "=" + marker + "\0");
        } catch (IOException | SecurityException gone) {
            return false;
        }
    }

    private static long sessionOf(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(after[3]); // fields: state ppid pgrp session ...
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static void signalGroup(long group) {
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + group)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill program: the per-process kills below still run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitGone(Stream<ProcessHandle> handles) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (ProcessHandle h : handles.toList()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception stillThere) {
                // bounded wait: report nothing more here, the kill was sent
            }
        }
    }
}
