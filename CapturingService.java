package dev.gepa4j.langchain4j;

import dev.gepa4j.sdk.TraceEvent;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * The AI Service as the caller sees it: a proxy that tells the {@link PromptedChatModel} which method was called with
 * which arguments (so it can render the candidate's templates), then calls the real AI Service on the same thread.
 */
final class CapturingService {
    private CapturingService() {
    }

    /** The service {@code real}, seen through a proxy of {@code type}; {@code trace} may be null. */
    static <S> S wrap(Class<S> type, S real, PromptedChatModel model, List<TraceEvent> trace) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "optimized " + type.getSimpleName();
                    default -> method.invoke(real, args);
                };
            }
            model.enter(method, args, trace);
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                model.leave();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
