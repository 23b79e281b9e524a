package dev.gepa4j.testkit.faults;

/**
 * One {@code POST /rollout} request as {@link FaultyContainer} saw it on arrival, before any fault or remembered
 * answer: tests read from these how long a client waited between two attempts of a rollout and how many calls it had
 * in flight at once.
 *
 * @param number    arrival number, from 1
 * @param rolloutId the request's {@code rollout_id}
 * @param atNanos   {@link System#nanoTime()} on arrival
 * @param fault     what the container did with it
 * @param inFlight  requests inside the container at that moment, this one included (a request leaves once its
 *                  answer is ready to be written, before the client can have it)
 */
public record Arrival(long number, String rolloutId, long atNanos, Fault fault, int inFlight) {
}
