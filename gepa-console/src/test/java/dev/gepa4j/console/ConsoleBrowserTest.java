package dev.gepa4j.console;

import dev.gepa4j.runtime.evidence.SampleRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The live console in a real headless Chromium, over a real sqlite workspace that a background writer fills. */
class ConsoleBrowserTest {
    @TempDir
    Path tmp;
    SqliteWorkspace writerSide;
    RunConsole console;
    HeadlessChromium chromium;

    @BeforeEach
    void start() throws Exception {
        chromium = new HeadlessChromium();
        writerSide = SqliteWorkspace.open(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.stop();
        }
        writerSide.close();
        chromium.close();
    }

    @Test
    void theFrontierGridGrowsInTheBrowserWhileARunWritesTheWorkspace() throws Exception {
        RunRecorder recorder = writerSide.startRun(SampleRun.spec("live-run"));
        List<Consumer<RunRecorder>> steps = new SampleRun(true).steps();
        steps.subList(0, 3).forEach(s -> s.accept(recorder)); // seed registered, two train rollouts
        console = RunConsole.start(tmp, null, 0); // its own connection, as `gepa console` would open it
        assertThat(console.url()).startsWith("http://127.0.0.1:");

        var driver = chromium.driver;
        driver.get(console.url());
        var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(d -> cells().size() == 2);
        int before = cells().size();

        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().name("sample-run-writer").start(() -> {
            try {
                for (Consumer<RunRecorder> step : steps.subList(3, steps.size())) {
                    step.accept(recorder);
                    Thread.sleep(120);
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        List<Integer> seen = new ArrayList<>();
        new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100)).until(d -> {
            int n = cells().size();
            if (seen.isEmpty() || seen.getLast() != n) {
                seen.add(n);
            }
            return n == 21 && !writer.isAlive(); // 6 seed + 6 A + 3 B (minibatch only) + 6 C measured cells
        });
        writer.join();
        assertThat(writerFailure.get()).isNull();
        assertThat(seen.getFirst()).isEqualTo(before);
        assertThat(seen).as("cell counts the page showed while the run went on").hasSizeGreaterThan(2).isSorted();

        wait.until(d -> d.findElement(By.id("run-title")).getText().contains("finished"));
        assertThat(driver.findElements(By.cssSelector("[data-testid=frontier-cell][data-kind=new]"))).hasSize(5);
        assertThat(driver.findElements(By.cssSelector("[data-testid=candidates] tbody tr"))).hasSize(4);
        assertThat(driver.findElement(By.id("events")).getText())
                .contains("candidate.accepted", "candidate.rejected", "run.stopped");
        assertThat(Integer.parseInt(driver.findElement(By.id("live-rollouts")).getText())).isPositive();
        assertThat(driver.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-testid=runs]")).getText()).contains("live-run");

        WebElement cell = driver.findElement(By.cssSelector("[data-testid=frontier-cell][data-kind=miss]"));
        cell.click();
        wait.until(d -> d.findElement(By.cssSelector("[data-testid=detail-verifier]")).getText().contains("feedback"));
        assertThat(driver.findElement(By.cssSelector("[data-testid=detail-output]")).getText())
                .isEqualTo("<b>lost_or_stolen_card</b>");
        chromium.screenshot("console-live");
    }

    @Test
    void aPromptHoldingAScriptTagShowsAsTextAndRunsNothing() throws Exception {
        SampleRun.writeAll(writerSide, "script-run");
        console = RunConsole.start(writerSide.reader(), "127.0.0.1", 0);
        var driver = chromium.driver;
        driver.get(console.url() + "#run=script-run");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=candidates] tbody tr")).isEmpty());
        driver.findElement(By.cssSelector("[data-testid=candidates] tr[data-candidate=" + SampleRun.B.id() + "]"))
                .click();
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=prompt-text]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-testid=prompt-text]")).getText())
                .isEqualTo(SampleRun.SCRIPT_PROMPT);
        assertThat(driver.findElements(By.cssSelector("#views script"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        chromium.screenshot("console-script-prompt");
    }

    private List<WebElement> cells() {
        return chromium.driver.findElements(By.cssSelector("[data-testid=frontier-cell]"));
    }
}
