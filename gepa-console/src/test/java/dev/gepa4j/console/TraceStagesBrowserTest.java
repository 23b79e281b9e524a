package dev.gepa4j.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.runtime.evidence.TwoFieldRun;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.containers.RouterClassifierTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's grid cell detail in a real headless Chromium shows a two-field run's trace per stage, grouped by
 * the field that shaped each step, with model and prompt text as text.
 */
class TraceStagesBrowserTest {
    @TempDir
    Path tmp;
    SqliteWorkspace workspace;
    RunConsole console;
    HeadlessChromium chromium;

    @BeforeEach
    void start() throws Exception {
        chromium = new HeadlessChromium();
        workspace = SqliteWorkspace.open(tmp);
        TwoFieldRun.writeAll(workspace, "two-field");
        console = RunConsole.start(workspace.reader(), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
        workspace.close();
        chromium.close();
    }

    @Test
    void aCellsTraceIsShownStageByStageGroupedByField() throws Exception {
        var driver = chromium.driver;
        driver.get(console.url() + "#run=two-field");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=frontier-cell][data-candidate="
                + TwoFieldRun.CHILD.id() + "]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("tr[data-candidate=" + TwoFieldRun.CHILD.id()
                + "] [data-testid=changed-fields]")).getText()).isEqualTo(RouterClassifierTask.ROUTER);

        driver.findElement(By.cssSelector("[data-testid=frontier-cell][data-candidate=" + TwoFieldRun.CHILD.id()
                + "]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=trace-stage]")).isEmpty());

        List<WebElement> stages = driver.findElements(By.cssSelector("[data-testid=trace-stage]"));
        assertThat(stages).extracting(s -> s.getAttribute("data-module"))
                .containsExactly("", RouterClassifierTask.ROUTER, RouterClassifierTask.CLASSIFIER, "");
        WebElement router = stages.get(1);
        assertThat(router.findElement(By.tagName("h5")).getText()).isEqualTo("field: " + RouterClassifierTask.ROUTER);
        assertThat(router.findElements(By.cssSelector("[data-testid=trace-step]")))
                .extracting(s -> s.getAttribute("data-type")).containsExactly("prompt", "output", "verdict");
        assertThat(router.getText()).contains(TwoFieldRun.CHILD_ROUTER, "group: cards", "routed right to cards");
        assertThat(stages.get(2).getText()).contains("intent: card_swallowed").doesNotContain("group:");
        assertThat(driver.findElements(By.cssSelector("#views script"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        chromium.screenshot("console-trace-stages");
    }
}
