package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.secret.Secrets;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;

/**
 * The last line of defence for secrets in the workspace: every text bound to a write statement passes through
 * {@link Secrets#scrub}, so whatever path a key took (an echoed answer, a container's error message, an agent's
 * stdout), its value is never written to the file. Upstream code already keeps keys out where it can; this makes
 * the guarantee hold for text nobody thought of.
 */
final class ScrubbingStatements {
    private ScrubbingStatements() {
    }

    /** {@code ps}, with {@code setString} scrubbing its value; {@code ps} itself when there is nothing to scrub. */
    static PreparedStatement wrap(PreparedStatement ps, Secrets secrets) {
        if (secrets.isEmpty()) {
            return ps;
        }
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setString") && args != null && args.length == 2
                            && args[1] instanceof String text) {
                        args[1] = secrets.scrub(text);
                    }
                    try {
                        return method.invoke(ps, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
