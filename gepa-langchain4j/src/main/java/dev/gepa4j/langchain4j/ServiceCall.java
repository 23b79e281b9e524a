package dev.gepa4j.langchain4j;

/**
 * How one example is put to the AI Service: call the method being optimized with the example's inputs.
 *
 * @param <S> the AI Service interface
 * @param <E> the type of the examples
 * @param <R> what the method returns
 */
@FunctionalInterface
public interface ServiceCall<S, E, R> {
    /** Calls the service on one example, e.g. {@code (router, ticket) -> router.route(ticket.text())}. */
    R call(S service, E example) throws Exception;
}
