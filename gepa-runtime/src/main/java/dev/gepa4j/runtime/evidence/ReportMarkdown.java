package dev.gepa4j.runtime.evidence;

import dev.gepa4j.runtime.reflection.Cut;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders report.md: the packet's headline numbers, the candidates table (with the fields each changed), the best
 * prompt, its diff against the seed per field, and each candidate's per-field diff against its first parent. Text
 * from containers and models is fenced with a fence longer than any backtick run in it, or shown as inline code.
 */
final class ReportMarkdown {
    private ReportMarkdown() {
    }

    /** The longest per-field diff shown per candidate; the full diffs are in the workspace and the console. */
    static final int MAX_CANDIDATE_DIFF_CHARS = 3_000;

    static String render(EvidencePacket p) {
        return render(p, Map.of());
    }

    /** @param diffsByCandidate per candidate id, its per-field diffs against its first parent */
    static String render(EvidencePacket p, Map<String, Map<String, String>> diffsByCandidate) {
        StringBuilder md = new StringBuilder();
        md.append("# gepa4j run ").append(p.runId()).append("\n\n");
        md.append("- task: ").append(p.task()).append('\n');
        md.append("- status: ").append(p.status()).append(", stop reason: ").append(p.stopReason()).append('\n');
        if (p.proposer().allRejected()) {
            md.append("- **every proposal was rejected** (").append(p.proposer().failedCalls())
                    .append(" of ").append(p.proposer().calls()).append("; first reason: ")
                    .append(p.proposer().firstRejection()).append("): the result is the seed\n");
        }
        md.append("- duration: ").append(p.durationS() == null ? "n/a" : String.format(Locale.ROOT, "%.1f s",
                p.durationS())).append('\n');
        md.append("- splits: ").append(p.splits().train()).append(" train, ")
                .append(p.splits().pareto() > 0 ? p.splits().pareto() + " pareto (the frontier's rows), " : "")
                .append(p.splits().heldout()).append(" heldout, ").append(p.splits().test()).append(" test\n");
        if (p.seed() != null) {
            md.append("- seed ").append(p.seed().candidateId()).append(": train ").append(score(p.seed().train()))
                    .append(", heldout ").append(score(p.seed().heldout())).append('\n');
        }
        if (p.best() != null) {
            md.append("- best ").append(p.best().candidateId()).append(": train ").append(score(p.best().train()))
                    .append(", heldout ").append(score(p.best().heldout())).append('\n');
        }
        md.append("- lift: train ").append(signed(p.lift().train())).append(", heldout ")
                .append(signed(p.lift().heldout())).append(" (").append(p.lift().note()).append(")\n");
        md.append("- ").append(testLine(p)).append('\n');
        md.append("- frontier coverage: ").append(p.frontier().covered()).append('/').append(p.frontier().total())
                .append(" train examples, ").append(p.frontier().members().size()).append(" members\n");
        md.append("- rollouts: ").append(p.rollouts().used()).append(" used (").append(p.rollouts().executed())
                .append(" executed, ").append(p.rollouts().cached()).append(" cached), ").append(p.rollouts().errors())
                .append(" errors, ").append(p.rollouts().failed()).append(" failed, ").append(p.rollouts().retried())
                .append(" retried; ").append(p.rollouts().containerCalls()).append(" container calls\n");
        if (!p.unmeasured().isEmpty()) {
            md.append("- unmeasured examples (in no score): ").append(p.unmeasured().size()).append('\n');
            for (UnmeasuredExamples.Unmeasured u : p.unmeasured()) {
                md.append("  - ").append(u.split()).append(' ').append(code(u.exampleId())).append(": ")
                        .append(code(u.error())).append('\n');
            }
        }
        md.append("- tokens: policy ").append(p.usage().policy().totalTokens()).append(", proposer ")
                .append(p.usage().proposer().totalTokens())
                .append(String.format(Locale.ROOT, ", cost $%.4f%n%n", p.usage().costUsd()));
        md.append("## Candidates\n\n| # | id | role | origin | changed fields | minibatch | train | heldout "
                + "| new seeds | wins |\n").append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (EvidencePacket.CandidateRow c : p.candidates()) {
            md.append("| ").append(c.index()).append(" | ").append(c.candidateId()).append(" | ").append(c.role())
                    .append(" | ").append(cell(c.origin())).append(" | ").append(changed(c.changedFields()))
                    .append(" | ").append(score(c.mini())).append(" | ")
                    .append(score(c.train())).append(" | ").append(score(c.heldout())).append(" | ")
                    .append(c.newSeeds()).append(" | ").append(c.wins()).append(" |\n");
        }
        if (p.best() != null) {
            md.append("\n## Best prompt\n");
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(p.best().components()).entrySet()) {
                md.append("\n### ").append(e.getKey()).append("\n\n").append(fenced(e.getValue(), "text"));
            }
            md.append("\n## Diff against the seed\n\n");
            if (p.best().diffs().isEmpty()) {
                md.append("The best candidate is the seed.\n");
            }
            for (Map.Entry<String, String> e : p.best().diffs().entrySet()) {
                md.append("### ").append(code(e.getKey())).append("\n\n").append(fenced(e.getValue(), "diff"));
            }
        }
        perCandidateDiffs(md, p, diffsByCandidate);
        return md.toString();
    }

    private static void perCandidateDiffs(StringBuilder md, EvidencePacket p,
                                          Map<String, Map<String, String>> diffsByCandidate) {
        boolean headed = false;
        for (EvidencePacket.CandidateRow c : p.candidates()) {
            Map<String, String> diffs = diffsByCandidate.getOrDefault(c.candidateId(), Map.of());
            if (c.changedFields().isEmpty() || diffs.isEmpty()) {
                continue;
            }
            if (!headed) {
                md.append("\n## Changes by candidate (per field, against the first parent)\n");
                headed = true;
            }
            md.append("\n### #").append(c.index()).append(' ').append(c.candidateId()).append(" (")
                    .append(c.role()).append(", from ").append(c.parents().isEmpty() ? "none"
                            : c.parents().getFirst()).append(")\n");
            for (String field : c.changedFields()) {
                String diff = diffs.get(field);
                if (diff != null) {
                    md.append("\n").append(code(field)).append(":\n\n")
                            .append(fenced(Cut.middle(diff, MAX_CANDIDATE_DIFF_CHARS), "diff"));
                }
            }
        }
    }

    private static String changed(List<String> fields) {
        return fields.isEmpty() ? "—" : cell(String.join(", ", fields.stream().map(ReportMarkdown::code).toList()));
    }

    /**
     * {@code test +0.052 [+0.031, +0.074], p = 0.0004, 500 rows (...)}, or that there is no test figure. Shared by the
     * report and the console so both say the same.
     */
    static String testLine(EvidencePacket p) {
        EvidencePacket.Test t = p.test();
        if (t == null) {
            return "test: none (no test split), so no unbiased lift; the heldout lift above is biased upwards";
        }
        String gap = p.overfitGap() == null ? "" : "; overfit gap (" + p.overfitGap().trainRows() + " minus test): "
                + "best " + signed(p.overfitGap().best()) + ", seed " + signed(p.overfitGap().seed());
        return String.format(Locale.ROOT, "test %+.3f [%+.3f, %+.3f], %s, %d rows (seed %.3f -> best %.3f; %s)%s",
                t.lift(), t.ci95().get(0), t.ci95().get(1), dev.gepa4j.core.engine.TestResult.pValueText(t.pValue()),
                t.n(), t.seed(), t.best(), t.method().replace('_', ' '), gap);
    }

    /** A fence longer than any backtick run in the text, so prompt text cannot close it. */
    private static String fenced(String text, String lang) {
        int longest = 2;
        var m = java.util.regex.Pattern.compile("`+").matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        return fence + lang + "\n" + text + (text.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    /** Container text as inline code on one line, cut to 300 characters, so nothing in it renders as markup. */
    private static String code(String text) {
        String t = text == null ? "" : text.replace('`', '\'').replaceAll("\\s+", " ").trim();
        return "`" + (t.length() > 300 ? t.substring(0, 297) + "..." : t) + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    static String score(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String signed(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%+.3f", value);
    }
}
