package dev.gepa4j.runtime.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    @Test
    void aKnownModelIsPricedPerMillionTokens() {
        var usage = PriceTable.defaults().usage("gpt-4.1-mini", 1_000_000, 500_000);

        assertThat(usage.costUsd()).isCloseTo(0.40 + 0.80, Offset.offset(1e-9));
        assertThat(usage.totalTokens()).isEqualTo(1_500_000);
    }

    @Test
    void aDatedSnapshotOrProviderPrefixFindsTheLongestKnownName() {
        var table = PriceTable.defaults();

        assertThat(table.priceOf("gpt-4.1-mini-2025-04-14")).contains(new Price(0.40, 1.60));
        assertThat(table.priceOf("openai/gpt-4.1-nano")).contains(new Price(0.10, 0.40));
    }

    @Test
    void anUnknownModelCostsNothingButItsTokensStillCount() {
        var usage = PriceTable.defaults().usage("llama3.1:8b", 1234, 56);

        assertThat(usage.costUsd()).isZero();
        assertThat(usage.promptTokens()).isEqualTo(1234);
        assertThat(usage.completionTokens()).isEqualTo(56);
    }

    @Test
    void configOverridesWinOverTheDefaults() {
        var table = PriceTable.defaults().withOverrides(Map.of("gpt-4.1-mini", new Price(1.0, 2.0),
                "llama3.1:8b", new Price(0.01, 0.02)));

        assertThat(table.usage("gpt-4.1-mini", 1_000_000, 0).costUsd()).isCloseTo(1.0, Offset.offset(1e-9));
        assertThat(table.usage("llama3.1:8b", 0, 1_000_000).costUsd()).isCloseTo(0.02, Offset.offset(1e-9));
    }

    @Test
    void aNegativePriceIsRefusedWithTheValues() {
        assertThatThrownBy(() -> new Price(-1, 2)).hasMessageContaining("input=-1.0");
    }
}
