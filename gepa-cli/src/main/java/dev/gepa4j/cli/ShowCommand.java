package dev.gepa4j.cli;

import dev.gepa4j.core.workspace.ProposalRecord;
import dev.gepa4j.runtime.evidence.CandidateScore;
import dev.gepa4j.runtime.evidence.RunMetrics;
import dev.gepa4j.runtime.evidence.RunSummary;
import dev.gepa4j.runtime.evidence.UnmeasuredExamples;
import dev.gepa4j.core.workspace.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gepa show RUN_ID --workspace DIR}: a run's summary, the same numbers as its evidence packet (rollouts used,
 * errors and container calls as the run's last line counts them, and the examples no rollout measured).
 */
@Command(name = "show", description = "Print the summary of one run.")
public final class ShowCommand implements Callable<Integer> {
    private static final int SHOWN_REASONS = 10;
    private static final int REASON_CHARS = 300;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run to show (see `gepa runs`)")
    String runId;

    @Option(names = "--workspace", required = true, paramLabel = "DIR|URL",
            description = "the workspace folder, or a postgresql://user@host:port/db URL (password in PGPASSWORD)")
    String workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = RunsCommand.openExisting(workspace)) {
            if (ws.reader().run(runId).isEmpty()) {
                throw new UserFacingException("no run '" + runId + "' in " + workspace + "; known runs: "
                        + ws.reader().runs().stream().map(r -> r.runId()).toList());
            }
            print(out, RunMetrics.summarize(ws.reader(), runId));
            String unmeasured = UnmeasuredExamples.describe(UnmeasuredExamples.of(ws.reader(), runId));
            if (!unmeasured.isEmpty()) {
                out.println("unmeasured " + unmeasured.substring("; unmeasured: ".length()) + " (in no score)");
            }
            printUnusable(out, ws.reader().proposals(runId));
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, RunSummary s) {
        out.println("run        " + s.runId() + " (" + s.task() + ")");
        out.println("status     " + s.status() + (s.stopReason() == null ? "" : ": " + s.stopReason()));
        out.println("started    " + s.startedAt() + (s.finishedAt() == null ? "" : ", finished " + s.finishedAt())
                + (s.durationS() == null ? "" : String.format(Locale.ROOT, " (%.1f s)", s.durationS())));
        out.println("splits     " + s.trainExamples() + " train, " + s.heldoutExamples() + " heldout");
        s.seed().ifPresent(c -> out.println("seed       " + scores(c)));
        s.best().ifPresent(c -> out.println("best       " + scores(c) + "  lift train " + signed(c.liftTrain())
                + ", heldout " + signed(c.liftHeldout())));
        out.println("frontier   " + s.frontier().label() + " train examples covered, "
                + s.frontier().members().size() + " members");
        var r = s.rollouts();
        out.println("rollouts   " + r.used() + " used (" + r.executed() + " executed, " + r.cached() + " cached), "
                + r.errors() + " errors, " + r.failed() + " failed, " + r.retried() + " retried; " + r.containerCalls()
                + " container calls");
        out.printf(Locale.ROOT, "usage      policy %d tokens, proposer %d tokens, $%.4f%n",
                s.policyUsage().totalTokens(), s.proposerUsage().totalTokens(),
                s.policyUsage().costUsd() + s.proposerUsage().costUsd());
        out.println();
        out.printf(Locale.ROOT, "%4s  %-18s %-10s %-9s %-9s %-9s %9s %5s%n", "#", "CANDIDATE", "ROLE", "MINI",
                "TRAIN", "HELDOUT", "NEW SEEDS", "WINS");
        for (CandidateScore c : s.candidates()) {
            out.printf(Locale.ROOT, "%4d  %-18s %-10s %-9s %-9s %-9s %9d %5d%n", c.index(), c.candidateId(), c.role(),
                    RunsCommand.score(c.mini()), RunsCommand.score(c.train()), RunsCommand.score(c.heldout()),
                    c.newSeeds(), c.wins());
        }
    }

    /**
     * The proposals the proposer could not use, with their reasons (the summary line points here when every proposal
     * was rejected). Reasons can quote model or agent text: control characters are blanked so they cannot drive the
     * terminal, and each reason is cut to one line.
     */
    private static void printUnusable(PrintWriter out, List<ProposalRecord> proposals) {
        List<ProposalRecord> unusable = proposals.stream().filter(p -> p.error() != null).toList();
        if (proposals.isEmpty()) {
            return;
        }
        out.println("proposals  " + proposals.size() + " made, " + unusable.size() + " unusable"
                + (unusable.size() == proposals.size() ? ": EVERY PROPOSAL WAS REJECTED, the result is the seed" : ""));
        unusable.stream().limit(SHOWN_REASONS).forEach(p -> out.println("  #" + p.seq() + " " + oneLine(p.error())));
        if (unusable.size() > SHOWN_REASONS) {
            out.println("  and " + (unusable.size() - SHOWN_REASONS) + " more (the packet's proposer section, or the "
                    + "workspace's proposals table)");
        }
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= REASON_CHARS ? flat : flat.substring(0, REASON_CHARS) + "...";
    }

    private static String scores(CandidateScore c) {
        return c.candidateId() + "  train " + RunsCommand.score(c.train()) + ", heldout "
                + RunsCommand.score(c.heldout());
    }

    private static String signed(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%+.3f", v);
    }
}
