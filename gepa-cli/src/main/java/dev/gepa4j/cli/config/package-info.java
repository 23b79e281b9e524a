/**
 * The run configuration file ({@code gepa.toml}): one record per section, parsed strictly (an unknown key is an
 * error naming the known ones), defaults applied, and validated with messages that say what to change; and the
 * resolved run spec ({@link dev.gepa4j.cli.config.RunSpecJson}), the same configuration with every choice made, as
 * the JSON a run stores in the workspace for {@code gepa resume}.
 *
 * <p>May import: the core model, Jackson (databind, TOML module).
 */
package dev.gepa4j.cli.config;
