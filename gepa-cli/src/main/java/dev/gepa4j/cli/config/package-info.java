/**
 * The run configuration file ({@code gepa.toml}): one record per section, parsed strictly (an unknown key is an
 * error naming the known ones), defaults applied, and validated with messages that say what to change.
 *
 * <p>May import: the core model, Jackson's TOML module.
 */
package dev.gepa4j.cli.config;
