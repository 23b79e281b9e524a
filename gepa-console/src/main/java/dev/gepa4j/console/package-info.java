/**
 * The run console: a local web server over a workspace ({@link dev.gepa4j.console.RunConsole}) with a JSON API,
 * a server-sent-events feed of new events, rollouts and recomputed numbers while a run goes on, and one page that
 * shows the runs, the event feed, usage and throughput, the candidates, the score chart and the frontier grid.
 *
 * <p>It only reads the workspace. It binds to 127.0.0.1 unless told otherwise and serves everything from the jar
 * (uPlot from its webjar); nothing is loaded from the internet. Model and prompt text is put into the page with
 * {@code textContent} only. May import: {@code dev.gepa4j.core.*}, {@code dev.gepa4j.runtime.evidence},
 * {@code dev.gepa4j.runtime.workspace}, Javalin, Jackson.
 */
package dev.gepa4j.console;
