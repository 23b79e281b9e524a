package dev.gepa4j.langchain4j;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The candidate fields of an AI Service: its system message and its user-message template, and where their seed
 * texts come from (the method's annotations, the interface's {@code @SystemMessage}, or text given by the caller).
 */
public final class PromptFields {
    /** The candidate field holding the system message. */
    public static final String SYSTEM_MESSAGE = "system_message";
    /** The candidate field holding the user-message template ({@code {{it}}} or the method's {@code {{name}}}s). */
    public static final String USER_MESSAGE = "user_message";

    private PromptFields() {
    }

    /**
     * The service method to optimize: {@code name}, or the interface's only abstract method when {@code name} is
     * null.
     *
     * @throws IllegalArgumentException when there is no such method, or several and none was named
     */
    static Method method(Class<?> service, String name) {
        if (!service.isInterface()) {
            throw new IllegalArgumentException(service.getName() + " is not an interface: an AI Service is an "
                    + "interface that AiServices implements");
        }
        List<Method> candidates = new ArrayList<>();
        for (Method m : service.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && (name == null || m.getName().equals(name))) {
                candidates.add(m);
            }
        }
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(service.getSimpleName() + " has no abstract method"
                    + (name == null ? "" : " named '" + name + "'") + " to optimize");
        }
        throw new IllegalArgumentException(service.getSimpleName() + " has " + candidates.size() + " methods"
                + (name == null ? "" : " named '" + name + "'") + ": name the one to optimize with method(NAME)");
    }

    /** The system message of the method's or the interface's {@code @SystemMessage}, or null. */
    static String annotatedSystemMessage(Method method) {
        SystemMessage a = method.getAnnotation(SystemMessage.class);
        if (a == null) {
            a = method.getDeclaringClass().getAnnotation(SystemMessage.class);
        }
        return a == null ? null : text(a.value(), a.delimiter(), a.fromResource(), "@SystemMessage", method);
    }

    /** The user-message template of the method's {@code @UserMessage}, or null. */
    static String annotatedUserMessage(Method method) {
        UserMessage a = method.getAnnotation(UserMessage.class);
        return a == null ? null : text(a.value(), a.delimiter(), a.fromResource(), "@UserMessage", method);
    }

    private static String text(String[] lines, String delimiter, String resource, String what, Method method) {
        if (resource != null && !resource.isBlank()) {
            throw new IllegalArgumentException(what + "(fromResource = \"" + resource + "\") on " + method.getName()
                    + ": give the seed text explicitly (systemMessage(...) / userMessage(...)) for prompts kept in "
                    + "resources");
        }
        return String.join(delimiter, lines);
    }
}
