package dev.gepa4j.console;

import dev.gepa4j.runtime.evidence.SampleRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.runtime.evidence.EvidencePacketWriter;
import dev.gepa4j.runtime.evidence.FrontierGrid;
import dev.gepa4j.runtime.evidence.RunMetrics;
import dev.gepa4j.runtime.evidence.RunSummary;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** report.html opened from disk (file://) in a real headless Chromium, with no server and no network. */
class ReportBrowserTest {
    @TempDir
    Path tmp;
    HeadlessChromium chromium;
    RunSummary summary;
    Path report;

    @BeforeEach
    void writeReport() throws Exception {
        chromium = new HeadlessChromium();
        try (SqliteWorkspace ws = SqliteWorkspace.open(tmp.resolve("ws"))) {
            SampleRun.writeAll(ws, "report-run");
            report = EvidencePacketWriter.write(ws.reader(), "report-run", tmp.resolve("out")).resolve("report.html");
            summary = RunMetrics.summarize(ws.reader(), "report-run");
        }
    }

    @AfterEach
    void stop() throws Exception {
        chromium.close();
    }

    @Test
    void theReportOpensFromDiskWithItsChartGridAndACellsDetail() throws Exception {
        var driver = chromium.driver;
        driver.get(report.toUri().toString());
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(d -> !d.findElements(By.cssSelector("#chart canvas")).isEmpty());

        long measured = summary.grid().rows().stream().flatMap(r -> r.cells().stream())
                .filter(c -> c.kind() != FrontierGrid.CellKind.UNMEASURED).count();
        assertThat(driver.findElements(By.cssSelector("[data-testid=frontier-cell]"))).hasSize((int) measured);
        assertThat(driver.findElements(By.cssSelector("[data-testid=candidates] tbody tr")))
                .hasSize(summary.candidates().size());
        assertThat(driver.findElement(By.cssSelector("[data-testid=best-prompt]")).getText())
                .isEqualTo(summary.bestComponents().get("instructions"));
        assertThat(driver.findElement(By.cssSelector("[data-testid=best-diff]")).getText())
                .contains("+Top-ups are top_up_failed.");
        assertThat(driver.findElement(By.cssSelector("[data-testid=usage]")).getText())
                .contains("rollout budget spent", summary.frontier().label());

        WebElement win = driver.findElement(By.cssSelector("[data-testid=frontier-cell][data-kind=new]"));
        win.click();
        wait.until(d -> d.findElement(By.cssSelector("[data-testid=cell-detail]")).getText().contains("model output"));
        assertThat(driver.findElement(By.cssSelector("[data-testid=detail-output]")).getText()).isEqualTo("card_arrival");
        assertThat(driver.findElement(By.cssSelector("[data-testid=detail-verifier]")).getText())
                .contains("passed: true", "feedback: correct intent");
        chromium.screenshot("report");
    }

    @Test
    void theScriptTagInARejectedPromptShowsAsTextInTheReport() throws Exception {
        var driver = chromium.driver;
        driver.get(report.toUri().toString());
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=candidates] tbody tr")).isEmpty());
        driver.findElement(By.cssSelector("tr[data-candidate=" + SampleRun.B.id() + "]")).click();
        assertThat(driver.findElement(By.cssSelector("[data-testid=prompt-text]")).getText())
                .isEqualTo(SampleRun.SCRIPT_PROMPT);
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElements(By.cssSelector("#views script"))).isEmpty();
    }
}
