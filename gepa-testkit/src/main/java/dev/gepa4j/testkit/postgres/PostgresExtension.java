package dev.gepa4j.testkit.postgres;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a fresh database on the JVM's shared test server ({@link TestPostgres}): register it with
 * {@code @ExtendWith(PostgresExtension.class)} and take a {@link TestDatabase} parameter in a test, a lifecycle method
 * or the constructor. The server starts with the first class that needs it and stops when the JVM's tests end.
 *
 * <p>When the machine has no PostgreSQL binaries at all the class is skipped, saying so; any other failure to start
 * the server fails the tests (a broken install must not pass as "skipped").
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    private static TestDatabase database(ExtensionContext context) {
        Assumptions.assumeTrue(TestPostgres.binaries().isPresent(), TestPostgres.NO_BINARIES);
        TestPostgres server = context.getRoot().getStore(NS).computeIfAbsent(TestPostgres.class,
                k -> TestPostgres.start(), TestPostgres.class);
        Class<?> testClass = context.getRequiredTestClass();
        return context.getStore(NS).computeIfAbsent(testClass.getName(),
                k -> server.createDatabase(testClass.getSimpleName()), TestDatabase.class);
    }
}
