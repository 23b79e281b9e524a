package dev.gepa4j.contract;

import java.util.Locale;

/** Which contract declarations we accept and which one we serve. */
public final class ContractVersions {
    /** What gepa4j containers declare, so other GEPA runtimes accept them too. */
    public static final String SERVED = "synth_optimizers.gepa.v2";

    private ContractVersions() {
    }

    /**
     * True for the gepa family: {@code synth_optimizers.gepa.v1}, {@code synth_optimizers.gepa.v2},
     * {@code gepa4j.gepa.v2}, or any other version string naming gepa. Those versions share the routes we use.
     */
    public static boolean accepts(String version) {
        return version != null && version.toLowerCase(Locale.ROOT).contains("gepa");
    }
}
