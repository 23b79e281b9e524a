package dev.gepa4j.runtime.workspace;

import static dev.gepa4j.runtime.workspace.SqliteWorkspaceTest.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeyIndexTest {
    @TempDir
    Path dir;

    private String file() {
        return dir.resolve(SqliteWorkspace.FILE_NAME).toString();
    }

    @Test
    void knowsTheMeasuredKeysStoredBeforeItOpenedButNotErrorRows() {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            RunRecorder run = ws.startRun(new RunSpec("r", "t", "", 1, "serial", 10));
            run.append(Stage.ADHOC, "ok-key", result("ro_1", 1, RolloutStatus.OK, false));
            run.append(Stage.ADHOC, "failed-key", result("ro_2", 2, RolloutStatus.FAILED, false));
            run.append(Stage.ADHOC, "error-key", result("ro_3", 3, RolloutStatus.ERROR, false));
        }
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir); CacheKeyIndex index = new CacheKeyIndex(file())) {
            assertThat(index.mayHold("ok-key")).isTrue();
            assertThat(index.mayHold("failed-key")).isTrue();
            assertThat(index.mayHold("error-key")).isFalse();
            assertThat(index.mayHold("never-stored")).isFalse();
        }
    }

    @Test
    void aMissAfterThisProcesssOwnCommitsReadsNothingFromTheFile() {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            CacheKeyIndex index = indexOf(ws);
            RunRecorder run = ws.startRun(new RunSpec("r", "t", "", 1, "serial", 10));
            long before = index.catchUps();
            for (int i = 0; i < 20; i++) {
                run.append(Stage.ADHOC, "key-" + i, result("ro_" + i, i, RolloutStatus.OK, false));
                assertThat(run.findAnyRun("absent-" + i)).isEmpty();
            }
            assertThat(index.mayHold("key-7")).isTrue();
            assertThat(index.catchUps()).as("own commits are known without reading them back").isEqualTo(before);
        }
    }

    @Test
    void aRowAnotherConnectionCommitsIsServedAtOnce() {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            RunRecorder mine = ws.startRun(new RunSpec("mine", "t", "", 1, "serial", 10));
            assertThat(mine.findAnyRun("shared")).isEmpty();
            try (SqliteWorkspace other = SqliteWorkspace.open(dir)) {
                other.startRun(new RunSpec("theirs", "t", "", 1, "serial", 10))
                        .append(Stage.ADHOC, "shared", result("ro_theirs", 4, RolloutStatus.OK, false));
            }

            assertThat(mine.findAnyRun("shared")).map(r -> r.rolloutId()).contains("ro_theirs");
        }
    }

    @Test
    void hashesAreStableAndSpreadOverKeysThatDifferInOneCharacter() {
        assertThat(CacheKeyIndex.hash("abc")).isEqualTo(CacheKeyIndex.hash("abc"));
        assertThat(CacheKeyIndex.hash("abc")).isNotEqualTo(CacheKeyIndex.hash("abd"));
        assertThat(CacheKeyIndex.hash("")).isNotEqualTo(CacheKeyIndex.hash("a"));
    }

    private static CacheKeyIndex indexOf(SqliteWorkspace ws) {
        return ws.cacheKeysForTests();
    }
}
