package dev.gepa4j.tasks.ifeval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.tasks.ifeval.checks.InstructionCheckers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/tasks.md lists every instruction type the checkers cover, so the page cannot fall behind the code. */
class TasksDocTest {

    @Test
    void theTasksPageListsEveryCheckedInstructionType() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assertThat(root).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        String page = Files.readString(root.resolve("docs/tasks.md"));
        for (String id : InstructionCheckers.coveredIds()) {
            assertThat(page).as("docs/tasks.md lists %s", id).contains("| `" + id + "` |");
        }
    }
}
