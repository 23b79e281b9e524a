package dev.gepa4j.runtime.usage;

import dev.gepa4j.core.model.Usage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per model, for turning token counts into {@link Usage} with a cost.
 *
 * <p>Lookup is by exact model name (case-insensitive), then by the longest known name the model starts with, so a
 * dated snapshot such as {@code gpt-4.1-mini-2025-04-14} finds {@code gpt-4.1-mini}. A provider prefix such as
 * {@code openai/} (OpenRouter style) is ignored. An unknown model costs 0 and its tokens are still counted.
 *
 * <p>The {@linkplain #defaults() defaults} are list prices copied by hand and <b>may be out of date</b>; a run that
 * needs exact accounting should set its prices in the config ({@code [proposer.prices]}), which win over them.
 */
public final class PriceTable {
    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        Map<String, Price> normalised = new HashMap<>();
        prices.forEach((model, price) -> normalised.put(normalise(model), price));
        this.prices = Map.copyOf(normalised);
    }

    /** Built-in list prices (USD per 1M tokens) for a few well-known models. Defaults that may be out of date. */
    public static PriceTable defaults() {
        return new PriceTable(Map.ofEntries(
                Map.entry("gpt-4.1", new Price(2.00, 8.00)),
                Map.entry("gpt-4.1-mini", new Price(0.40, 1.60)),
                Map.entry("gpt-4.1-nano", new Price(0.10, 0.40)),
                Map.entry("gpt-4o", new Price(2.50, 10.00)),
                Map.entry("gpt-4o-mini", new Price(0.15, 0.60)),
                Map.entry("o4-mini", new Price(1.10, 4.40)),
                Map.entry("gpt-5", new Price(1.25, 10.00)),
                Map.entry("gpt-5-mini", new Price(0.25, 2.00)),
                Map.entry("gpt-5-nano", new Price(0.05, 0.40)),
                Map.entry("claude-sonnet-4", new Price(3.00, 15.00)),
                Map.entry("claude-opus-4", new Price(15.00, 75.00)),
                Map.entry("claude-3-5-haiku", new Price(0.80, 4.00)),
                Map.entry("claude-haiku-4-5", new Price(1.00, 5.00))));
    }

    /** An empty table: every model costs 0. */
    public static PriceTable none() {
        return new PriceTable(Map.of());
    }

    /** This table with the given prices added or replacing existing ones (config overrides). */
    public PriceTable withOverrides(Map<String, Price> overrides) {
        Map<String, Price> merged = new HashMap<>(prices);
        overrides.forEach((model, price) -> {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("a price override needs a model name");
            }
            merged.put(normalise(model), java.util.Objects.requireNonNull(price, "price for " + model));
        });
        return new PriceTable(merged);
    }

    /** The price for a model, if this table knows it. */
    public Optional<Price> priceOf(String model) {
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        String key = normalise(model);
        Price exact = prices.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        return prices.entrySet().stream()
                .filter(e -> key.startsWith(e.getKey() + "-") || key.startsWith(e.getKey() + "@"))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** Tokens plus their cost; cost 0 for a model this table does not know. */
    public Usage usage(String model, long promptTokens, long completionTokens) {
        double cost = priceOf(model).map(p -> p.cost(promptTokens, completionTokens)).orElse(0.0);
        return Usage.of(promptTokens, completionTokens, cost);
    }

    private static String normalise(String model) {
        String lower = model.trim().toLowerCase(Locale.ROOT);
        int slash = lower.lastIndexOf('/');
        return slash >= 0 ? lower.substring(slash + 1) : lower;
    }
}
