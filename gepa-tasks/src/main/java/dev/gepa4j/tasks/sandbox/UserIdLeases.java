package dev.gepa4j.tasks.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out the sandbox user ids so that no two runs anywhere on the machine hold the same one at once: within this
 * JVM through a shared table, across processes (two containers on one host) through a lock file per id
 * ({@code $TMPDIR/gepa4j-sandbox-ids/<uid>.lock}, an OS file lock that dies with its process). Two runs sharing an
 * id would kill each other's processes and take each other's files for outside writes. An id under which any
 * process still exists is passed over, whoever holds its lock.
 */
final class UserIdLeases {
    private static final Map<Integer, FileLock> HELD = new ConcurrentHashMap<>();
    private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "gepa4j-sandbox-ids");
    private static final long RETRY_MILLIS = 50;

    private UserIdLeases() {
    }

    /** Leases one id of {@code first .. first + count - 1}, waiting up to {@code wait}; null when none came free. */
    static Integer acquire(int first, int count, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Path dir = lockDir();
        while (true) {
            for (int uid = first; uid < first + count; uid++) {
                if (tryLock(dir, uid)) {
                    return uid;
                }
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(RETRY_MILLIS);
        }
    }

    /** Gives the id back. */
    static void release(int uid) {
        FileLock lock = HELD.remove(uid);
        if (lock != null) {
            try (FileChannel channel = lock.channel()) {
                lock.release();
            } catch (IOException e) {
                // closing the channel releases the lock in any case
            }
        }
    }

    private static boolean tryLock(Path dir, int uid) {
        if (HELD.containsKey(uid)) {
            return false;
        }
        synchronized (HELD) {
            if (HELD.containsKey(uid)) {
                return false;
            }
            try {
                FileChannel channel = FileChannel.open(dir.resolve(uid + ".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    return false;
                }
                if (UserTasks.countOf(uid) > 0) {
                    // processes of an earlier run still exist (dying, or left by a process that crashed): they would
                    // count against this run's process limit, and be killed or blamed with it
                    lock.release();
                    channel.close();
                    return false;
                }
                HELD.put(uid, lock);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock sandbox user id " + uid + " in " + dir, e);
            }
        }
    }

    /** The lock folder, owned by this user and closed to others (a run could otherwise plant its own in /tmp). */
    private static synchronized Path lockDir() {
        try {
            if (Files.isDirectory(DIR, LinkOption.NOFOLLOW_LINKS)) {
                int owner = (Integer) Files.getAttribute(DIR, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                if (owner == IsolationProbe.hostUid()) {
                    return DIR;
                }
                OutsideWrites.delete(DIR); // planted by someone else: not to be trusted
            } else if (Files.exists(DIR, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(DIR);
            }
            Files.createDirectory(DIR, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return DIR;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sandbox lock folder " + DIR, e);
        }
    }
}
