package dev.gepa4j.api;

import dev.gepa4j.api.engine.ProgressDisplay;
import dev.gepa4j.core.rollout.RolloutBudget;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link ProgressDisplay} that polls the budget four times a second and tells a listener at every tenth, and once
 * more when the loop ends.
 */
final class ListenerProgress implements ProgressDisplay {
    private final ProgressListener listener;

    ListenerProgress(ProgressListener listener) {
        this.listener = listener;
    }

    @Override
    public Display open(RolloutBudget budget, Supplier<String> status) {
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gepa-progress-listener");
            t.setDaemon(true);
            return t;
        });
        long[] lastTenth = {-1};
        poll.scheduleAtFixedRate(() -> {
            long spent = budget.committed();
            long tenth = spent * 10 / Math.max(1, budget.limit());
            if (tenth != lastTenth[0]) {
                lastTenth[0] = tenth;
                tell(spent, budget.limit(), status.get());
            }
        }, 250, 250, TimeUnit.MILLISECONDS);
        return () -> {
            poll.shutdownNow();
            try {
                poll.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tell(budget.committed(), budget.limit(), status.get());
        };
    }

    private void tell(long spent, long limit, String status) {
        try {
            listener.progress(spent, limit, status);
        } catch (RuntimeException listenerFailed) {
            // a failing progress listener must not end the run, nor stop later reports
        }
    }
}
