package dev.gepa4j.cli;

import dev.gepa4j.core.rollout.RolloutBudget;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how much of the rollout budget a run has spent: a progress bar on a terminal, plain lines (every 10%)
 * otherwise, since the bar's carriage-return updates garble logs. Polls the budget, so the loop knows nothing of it.
 */
final class BudgetProgress implements AutoCloseable {
    private final RolloutBudget budget;
    private final Supplier<String> status;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gepa-progress");
        t.setDaemon(true);
        return t;
    });
    private final ProgressBar bar;
    private final PrintStream plain;
    private long lastPlainDecile = -1;

    BudgetProgress(RolloutBudget budget, Supplier<String> status, boolean enabled) {
        this.budget = budget;
        this.status = status;
        boolean terminal = enabled && System.console() != null;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName("rollouts").setInitialMax(budget.limit())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
        this.plain = enabled && !terminal ? System.err : null;
        ticker.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    private synchronized void tick() {
        long spent = budget.committed();
        if (bar != null) {
            bar.stepTo(spent);
            bar.setExtraMessage(" " + status.get());
        } else if (plain != null) {
            long decile = spent * 10 / Math.max(1, budget.limit());
            if (decile != lastPlainDecile) {
                lastPlainDecile = decile;
                plain.println("rollouts " + spent + "/" + budget.limit() + "  " + status.get());
            }
        }
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (bar != null) {
            bar.stepTo(budget.committed());
            bar.close();
        }
    }
}
