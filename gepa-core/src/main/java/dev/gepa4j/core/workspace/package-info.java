/**
 * Where a run keeps everything a human needs to debug it: the {@link dev.gepa4j.core.workspace.Workspace} (one per
 * folder, several runs), the per-run {@link dev.gepa4j.core.workspace.RunRecorder} the loop writes through, and the
 * read-only {@link dev.gepa4j.core.workspace.WorkspaceReader} the console and the evidence writer use.
 *
 * <p>Implementations live outside the core ({@code SqliteWorkspace} in gepa-runtime). May import: {@code model},
 * {@code rollout} (a run recorder is the rollout journal).
 */
package dev.gepa4j.core.workspace;
