package dev.gepa4j.runtime.llm;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.propose.ProposerUnavailableException;
import dev.gepa4j.core.propose.RejectedAttempt;
import dev.gepa4j.runtime.usage.PriceTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reflective LLM proposer (kind {@code llm}): one model call per field to update, each showing the meta-prompt
 * rendered from the packet, asking for {@code min(packet.proposalsWanted, settings.proposalsPerCall)} alternatives
 * as numbered fenced blocks (full texts, or SEARCH/REPLACE edits in {@link EditMode#EDIT}).
 *
 * <p>Draft {@code i} takes alternative {@code i} of every updated field, so the number of drafts is the smallest
 * number of usable alternatives over the fields; the other mutable fields are copied from the parent. Unusable
 * answers are returned as {@link ProposalOutcome#rejected} (see {@link AnswerReader} for the reasons); an endpoint
 * refusing one request (HTTP 400) is also a rejection. Throws {@link ProposerUnavailableException} when the model
 * keeps failing after retries (retriable) or refuses credentials / cannot be found (not retriable).
 *
 * <p>The recorded input is the rendered prompts; it never contains the API key, which only LangChain4j sees.
 */
public final class ReflectiveLlmProposer implements Proposer {
    private final LlmProposerSettings settings;
    private final PriceTable prices;
    private final ChatClient chat;
    private final Map<String, MetaPrompt> templates = new HashMap<>();
    private final MetaPrompt defaultTemplate;

    /** A proposer reading the API key from the process environment. */
    public ReflectiveLlmProposer(LlmProposerSettings settings, PriceTable prices) {
        this(settings, prices, System::getenv);
    }

    /**
     * A proposer reading the API key through {@code environment} (variable name to value).
     *
     * @throws ProposerUnavailableException (not retriable) when {@code api_key_env} names a variable that is unset
     * @throws IllegalArgumentException     when a meta-prompt override is unreadable or lacks required placeholders
     */
    public ReflectiveLlmProposer(LlmProposerSettings settings, PriceTable prices,
                                 Function<String, String> environment) {
        this(settings, prices, new RetryingChatClient(LangChainChatClient.create(settings,
                apiKey(settings, environment)), settings));
    }

    /** A proposer over any chat client (already retrying, or not). */
    public ReflectiveLlmProposer(LlmProposerSettings settings, PriceTable prices, ChatClient chat) {
        this.settings = settings;
        this.prices = prices;
        this.chat = chat;
        MetaPrompt fallback = MetaPrompt.builtIn();
        for (var e : settings.metaPrompts().entrySet()) {
            MetaPrompt t = MetaPrompt.of(e.getValue().load(), "for field '" + e.getKey() + "' (" + e.getValue() + ")");
            if (e.getKey().equals("*")) {
                fallback = t;
            } else {
                templates.put(e.getKey(), t);
            }
        }
        this.defaultTemplate = fallback;
    }

    @Override
    public String kind() {
        return "llm";
    }

    @Override
    public ProposalOutcome propose(ProposalPacket packet) {
        int count = Math.min(packet.proposalsWanted(), settings.proposalsPerCall());
        List<String> fields = packet.fieldsToUpdate().isEmpty() ? packet.mutableFields() : packet.fieldsToUpdate();
        StringBuilder input = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        Usage usage = Usage.ZERO;
        Map<String, List<String>> textsByField = new LinkedHashMap<>();
        for (String field : fields) {
            String prompt = ReflectionPrompt.render(templates.getOrDefault(field, defaultTemplate), packet, field,
                    settings, count);
            section(input, fields, field).append(prompt);
            ChatReply reply;
            try {
                reply = chat.chat(prompt);
            } catch (ModelCallException refused) {
                return ProposalOutcome.rejected(input.toString(), raw.toString(), usage,
                        "field '" + field + "': " + refused.getMessage());
            }
            usage = usage.plus(prices.usage(chat.modelName(), reply.promptTokens(), reply.completionTokens()));
            section(raw, fields, field).append(reply.text());
            String current = packet.parent().components().getOrDefault(field, "");
            var reading = AnswerReader.read(reply, current, count, settings.editMode(), settings.maxEdits(),
                    rejectedTexts(packet.rejectedAttempts(), field));
            if (reading.rejection() != null) {
                return ProposalOutcome.rejected(input.toString(), raw.toString(), usage,
                        fields.size() == 1 ? reading.rejection() : "field '" + field + "': " + reading.rejection());
            }
            textsByField.put(field, reading.texts());
        }
        int drafts = textsByField.values().stream().mapToInt(List::size).min().orElse(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < drafts; i++) {
            Map<String, String> draft = new LinkedHashMap<>();
            for (String f : packet.mutableFields()) {
                draft.put(f, packet.parent().components().getOrDefault(f, ""));
            }
            for (var e : textsByField.entrySet()) {
                draft.put(e.getKey(), e.getValue().get(i));
            }
            out.add(draft);
        }
        return new ProposalOutcome(out, input.toString(), raw.toString(), usage, null);
    }

    private static StringBuilder section(StringBuilder sb, List<String> fields, String field) {
        if (fields.size() > 1) {
            sb.append(sb.isEmpty() ? "" : "\n\n").append("===== field: ").append(field).append(" =====\n");
        }
        return sb;
    }

    private static Set<String> rejectedTexts(List<RejectedAttempt> attempts, String field) {
        return attempts.stream().map(a -> a.components().get(field)).filter(t -> t != null)
                .map(String::strip).collect(Collectors.toSet());
    }

    private static String apiKey(LlmProposerSettings s, Function<String, String> environment) {
        if (s.apiKeyEnv() == null) {
            return null;
        }
        String key = environment.apply(s.apiKeyEnv());
        if (key == null || key.isBlank()) {
            throw new ProposerUnavailableException("environment variable " + s.apiKeyEnv()
                    + " (api_key_env in [proposer]) is not set; export it before the run, or remove api_key_env "
                    + "for a local endpoint that needs no key", false, null);
        }
        return key.strip();
    }
}
