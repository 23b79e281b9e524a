package dev.gepa4j.testkit.containers;

import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.model.ProgramModule;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.sdk.TaskHandler;
import dev.gepa4j.sdk.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deterministic two-stage pipeline with two mutable fields, the shape of a third-party router + classifier:
 * stage 1 ({@value #ROUTER}) sends a support ticket to a group, stage 2 ({@value #CLASSIFIER}) picks the intent
 * inside that group. The stand-in router routes a ticket right only when the router prompt mentions the ticket's
 * routing cue word; the stand-in classifier names the intent right only when the ticket was routed right and the
 * classifier prompt mentions the intent's cue word. So each field has its own mistakes, and only the text of that
 * field can fix them.
 *
 * <p>It reports like a well-behaved multi-field container: every stage's steps are tagged with their field
 * ({@link TraceEvent#of}), each stage ends with a {@code verdict} step of its field, the input and final answer
 * are untagged, and the verifier addresses feedback to the field at fault
 * ({@link VerifierResult#withFeedbackFor}). Splits {@code train} (12) and {@code test} (6). Thread-safe.
 */
public final class RouterClassifierTask implements TaskHandler {
    public static final String ROUTER = "router_prompt";
    public static final String CLASSIFIER = "classifier_prompt";
    public static final String ROUTER_SEED = "Route the ticket to the group that handles it.";
    public static final String CLASSIFIER_SEED = "Name the intent of the ticket.";

    /** A ticket: its text, its group and the word that tells the group, its intent and the word that tells it. */
    private record Ticket(String text, String group, String routeCue, String intent, String intentCue) {
    }

    private static final List<Ticket> TICKETS = List.of(
            new Ticket("The ATM kept my card and gave no cash", "cards", "atm", "card_swallowed", "kept"),
            new Ticket("My transfer to my landlord has not arrived", "transfers", "landlord", "transfer_pending",
                    "arrived"),
            new Ticket("I was charged twice at the ATM", "cards", "atm", "duplicate_charge", "twice"),
            new Ticket("How long does a wire abroad take", "transfers", "wire", "transfer_timing", "long"),
            new Ticket("My PIN is blocked after three tries", "cards", "pin", "pin_blocked", "blocked"),
            new Ticket("The wire I sent was returned", "transfers", "wire", "transfer_returned", "returned"));

    @Override
    public ProgramSpec program() {
        return new ProgramSpec("router_classifier", List.of(
                new ProgramModule(ROUTER, "system", ROUTER_SEED, true, ROUTER),
                new ProgramModule(CLASSIFIER, "system", CLASSIFIER_SEED, true, CLASSIFIER)),
                Map.of(ROUTER, ROUTER_SEED, CLASSIFIER, CLASSIFIER_SEED));
    }

    @Override
    public TaskInfo taskInfo() {
        return new TaskInfo("router_classifier", "Route a banking support ticket to its group (cards or transfers), "
                + "then name its intent inside that group.", "The router and the classifier fail for different "
                + "reasons; each field's feedback says what its stage did wrong.");
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo("router_classifier_v1", Map.of("train", 12, "test", 6));
    }

    @Override
    public List<ExampleRow> rows(String split, List<Long> seeds) {
        int size = switch (split) {
            case "train" -> 12;
            case "test" -> 6;
            default -> throw new IllegalArgumentException("unknown split '" + split + "': use train or test");
        };
        List<ExampleRow> rows = new ArrayList<>(seeds.size());
        for (long seed : seeds) {
            if (seed < 0 || seed >= size) {
                throw new IllegalArgumentException("seed " + seed + " is outside split '" + split + "' (0.."
                        + (size - 1) + ")");
            }
            Ticket t = ticket(split, seed);
            rows.add(new ExampleRow(split + ":" + seed, seed, split, Map.of("text", t.text(), "group", t.group(),
                    "intent", t.intent())));
        }
        return rows;
    }

    private static Ticket ticket(String split, long seed) {
        return TICKETS.get((int) ((seed + (split.equals("test") ? 3 : 0)) % TICKETS.size()));
    }

    @Override
    public RolloutOutcome rollout(RolloutCall call) {
        Ticket t = ticket(call.row().split(), call.row().seed());
        String router = call.candidate().getOrDefault(ROUTER, "").toLowerCase(Locale.ROOT);
        String classifier = call.candidate().getOrDefault(CLASSIFIER, "").toLowerCase(Locale.ROOT);
        String otherGroup = t.group().equals("cards") ? "transfers" : "cards";
        String routed = router.contains(t.routeCue()) ? t.group() : otherGroup;
        boolean routedRight = routed.equals(t.group());
        String intent = routedRight && classifier.contains(t.intentCue()) ? t.intent() : "other_" + routed;
        boolean right = intent.equals(t.intent());
        String answer = routed + "/" + intent;

        VerifierResult verdict = new VerifierResult(right, right ? 1.0 : 0.0, right ? "correct"
                : "answered " + answer + ", expected " + t.group() + "/" + t.intent());
        List<TraceEvent> trace = new ArrayList<>();
        trace.add(new TraceEvent("input", t.text()));
        trace.add(TraceEvent.of(ROUTER, "prompt", call.candidate().getOrDefault(ROUTER, "")));
        trace.add(TraceEvent.of(ROUTER, "output", "group: " + routed));
        String routerVerdict = routedRight ? "routed right to " + routed : "routed to " + routed + " but the "
                + "ticket belongs to " + t.group() + "; the router prompt never says that '" + t.routeCue()
                + "' means " + t.group();
        trace.add(TraceEvent.of(ROUTER, "verdict", routerVerdict));
        trace.add(TraceEvent.of(CLASSIFIER, "prompt", call.candidate().getOrDefault(CLASSIFIER, "")));
        trace.add(TraceEvent.of(CLASSIFIER, "output", "intent: " + intent));
        String classifierVerdict = right ? "named the intent right" : !routedRight
                ? "got a ticket routed to the wrong group; nothing it could do"
                : "named " + intent + " but the intent is " + t.intent() + "; the classifier prompt never says "
                        + "that '" + t.intentCue() + "' points to " + t.intent();
        trace.add(TraceEvent.of(CLASSIFIER, "verdict", classifierVerdict));
        trace.add(new TraceEvent("final", answer));
        if (!routedRight) {
            verdict = verdict.withFeedbackFor(ROUTER, routerVerdict);
        } else if (!right) {
            verdict = verdict.withFeedbackFor(CLASSIFIER, classifierVerdict);
        }
        return new RolloutOutcome(right ? 1.0 : 0.0, answer, verdict, Usage.of(router.length() / 4
                + classifier.length() / 4 + 12, 4, 0.0), trace, Map.of("expected", t.group() + "/" + t.intent()));
    }
}
