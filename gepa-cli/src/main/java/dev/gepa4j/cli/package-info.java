/**
 * The {@code gepa} command line and the composition root: {@link dev.gepa4j.cli.Main} registers the subcommands,
 * {@link dev.gepa4j.cli.RunAssembly} is the only place that constructs concrete containers, workspaces, runners
 * and proposers and hands them to the loop. {@link dev.gepa4j.cli.FriendlyErrors} is the only place a command's
 * failure becomes output and an exit code.
 *
 * <p>May import: everything.
 */
package dev.gepa4j.cli;
