package dev.gepa4j.runtime.agent;

/**
 * How an agent process ended.
 *
 * @param exitCode   exit status, or -1 when it was killed on timeout
 * @param timedOut   true when the timeout passed and the process group was killed
 * @param stdout     captured stdout, at most the cap (UTF-8, a marker appended when cut)
 * @param stderr     captured stderr, likewise
 * @param leftovers  processes of the agent still running when it ended (or timed out), killed by the sweep
 */
record AgentRun(int exitCode, boolean timedOut, String stdout, String stderr, int leftovers) {
}
