package dev.gepa4j.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST DOUBLE answers for the {@code ifeval-pipeline} task, so that a whole optimization runs offline over the real
 * wire format and has something to learn. Two kinds of requests are recognised, everything else is left to the
 * other answers ({@link #answer} is empty):
 *
 * <ul>
 *   <li><b>A pipeline stage</b> (the user message frames the request in {@code <request>} tags). The draft stage writes
 *       a bland answer and follows each instruction it recognises in the request with a chance that is high
 *       ({@value #FOLLOW_WHEN_SPELLED_OUT}) when the system prompt spells that kind of instruction out (mentions
 *       commas, bullets, a title ...) and low otherwise. The revise stage ({@code <draft>} present) edits the draft
 *       the same way, and now and then appends a friendly closing line that can break instructions unless its system
 *       prompt rules closings out. Chances are drawn from a hash of the request text and the instruction kind, so
 *       the same request always gets the same answer, and a prompt that spells out more instructions scores
 *       better. It is imperfect on purpose: some instruction kinds it never follows.</li>
 *   <li><b>A proposer request</b> for the fields {@code draft_prompt} or {@code revise_prompt} (gepa4j's reflective
 *       meta-prompt). It reads the instruction ids the feedback marks as failed, and answers with the current text
 *       plus one guidance sentence for the most frequent failure not yet covered (see {@link IfevalKind}).</li>
 * </ul>
 */
final class IfevalPipelineScript {
    static final double FOLLOW_WHEN_SPELLED_OUT = 0.85;
    private static final double DRAFT_FOLLOWS_UNPROMPTED = 0.3;
    private static final double REVISE_FOLLOWS_UNPROMPTED = 0.15;
    private static final double REVISE_ADDS_CLOSING = 0.5;
    static final String PREAMBLE = "Sure! Here is my answer.";
    static final String CLOSING = "I hope this helps!";
    private static final Pattern PREAMBLE_RULE = Pattern.compile("preamble|answer only", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSING_RULE = Pattern.compile("closing remark|sign-off", Pattern.CASE_INSENSITIVE);
    private static final String PREAMBLE_GUIDANCE = "Give the answer itself with no preamble.";
    private static final String CLOSING_GUIDANCE = "Do not add a closing remark or sign-off after the answer.";
    private static final Pattern REQUEST = Pattern.compile("<request>\\n?(.*?)\\n?</request>", Pattern.DOTALL);
    private static final Pattern DRAFT = Pattern.compile("<draft>\\n?(.*?)\\n?</draft>", Pattern.DOTALL);
    private static final Pattern PROPOSER_FIELD = Pattern.compile("the component \"(draft_prompt|revise_prompt)\"");
    private static final Pattern FAILED_ID = Pattern.compile("([a-z_]+:[a-z_]+): asked");
    private static final Pattern COUNT = Pattern.compile("Write (\\d+) alternative");

    private IfevalPipelineScript() {
    }

    /** The double's answer to {@code request}, when it is an ifeval-pipeline stage or proposer request. */
    static Optional<String> answer(JsonNode request) {
        String system = texts(request, "system");
        String user = texts(request, "user");
        Matcher field = PROPOSER_FIELD.matcher(user);
        if (field.find()) {
            // before the stage check: a meta-prompt quotes stage inputs, <request> tags included
            return propose(field.group(1), user);
        }
        Matcher req = REQUEST.matcher(user);
        if (req.find()) {
            Matcher draft = DRAFT.matcher(user);
            return Optional.of(draft.find() ? revise(system, req.group(1), draft.group(1)) : draft(system, req.group(1)));
        }
        return Optional.empty();
    }

    static String draft(String system, String request) {
        String text = IfevalAnswerWriter.body(request, random(request, "body"));
        for (IfevalDemand d : IfevalDemand.read(request).values()) {
            double p = d.kind().spelledOutIn(system) ? FOLLOW_WHEN_SPELLED_OUT : DRAFT_FOLLOWS_UNPROMPTED;
            if (chance(request, "draft:" + d.kind()) < p) {
                text = IfevalAnswerWriter.ensure(d, text, request);
            }
        }
        return PREAMBLE_RULE.matcher(system).find() ? text : PREAMBLE + "\n\n" + text;
    }

    static String revise(String system, String request, String draft) {
        String text = draft;
        if (PREAMBLE_RULE.matcher(system).find() && text.startsWith(PREAMBLE)) {
            text = text.substring(PREAMBLE.length()).strip();
        }
        for (IfevalDemand d : IfevalDemand.read(request).values()) {
            double p = d.kind().spelledOutIn(system) ? FOLLOW_WHEN_SPELLED_OUT : REVISE_FOLLOWS_UNPROMPTED;
            if (chance(request, "revise:" + d.kind()) < p) {
                text = IfevalAnswerWriter.ensure(d, text, request);
            }
        }
        if (!CLOSING_RULE.matcher(system).find() && chance(request, "closing") < REVISE_ADDS_CLOSING) {
            text = text.strip() + "\n\n" + CLOSING;
        }
        return text;
    }

    private static Optional<String> propose(String field, String prompt) {
        String current = EchoImprove.firstFencedBlock(prompt).strip();
        List<String> lines = new ArrayList<>();
        boolean revise = field.equals("revise_prompt");
        if (revise && prompt.contains(CLOSING)) {
            lines.add(CLOSING_GUIDANCE);
        }
        for (IfevalKind kind : failuresByFrequency(prompt)) {
            String g = kind.guidance();
            lines.add(revise ? "Check the draft: " + Character.toLowerCase(g.charAt(0)) + g.substring(1) : g);
        }
        if (!revise && prompt.contains(PREAMBLE)) {
            lines.add(PREAMBLE_GUIDANCE);
        }
        lines.removeIf(prompt::contains);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Matcher count = COUNT.matcher(prompt);
        int wanted = count.find() ? Math.max(1, Integer.parseInt(count.group(1))) : 1;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(wanted, lines.size()); i++) {
            String line = lines.get(i);
            out.append("PROPOSAL ").append(i + 1).append('\n');
            if (prompt.contains("<<<<<<< SEARCH")) {
                out.append("```\n<<<<<<< SEARCH\n=======\n").append(line).append("\n>>>>>>> REPLACE\n```\n");
            } else {
                String text = current.isEmpty() ? line : current + "\n" + line;
                String fence = text.contains("```") ? "````" : "```";
                out.append(fence).append('\n').append(text).append('\n').append(fence).append('\n');
            }
        }
        return Optional.of(out.toString());
    }

    /** The kinds named by failure lines (lines with FAILED, failed or broke), most frequent first. */
    private static List<IfevalKind> failuresByFrequency(String prompt) {
        Map<IfevalKind, Integer> counts = new LinkedHashMap<>();
        prompt.lines().filter(l -> l.contains("FAILED") || l.contains("failed") || l.contains("broke")).forEach(l -> {
            Matcher m = FAILED_ID.matcher(l);
            while (m.find()) {
                IfevalKind kind = IfevalKind.forInstructionId(m.group(1));
                if (kind != null) {
                    counts.merge(kind, 1, Integer::sum);
                }
            }
        });
        List<IfevalKind> kinds = new ArrayList<>(counts.keySet());
        kinds.sort((a, b) -> counts.get(b) - counts.get(a) != 0 ? counts.get(b) - counts.get(a)
                : a.compareTo(b));
        return kinds;
    }

    private static String texts(JsonNode request, String role) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode m : request.path("messages")) {
            if (!role.equals(m.path("role").asText())) {
                continue;
            }
            JsonNode content = m.path("content");
            if (content.isTextual()) {
                sb.append(content.asText()).append('\n');
            } else if (content.isArray()) {
                content.forEach(part -> sb.append(part.path("text").asText("")));
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static double chance(String request, String salt) {
        return random(request, salt).nextDouble();
    }

    private static SplittableRandom random(String request, String salt) {
        UUID hash = UUID.nameUUIDFromBytes((salt + "\n" + request).getBytes(StandardCharsets.UTF_8));
        return new SplittableRandom(hash.getMostSignificantBits() ^ hash.getLeastSignificantBits());
    }
}
