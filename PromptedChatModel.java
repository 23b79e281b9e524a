package dev.gepa4j.langchain4j;

import dev.gepa4j.sdk.TraceEvent;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.input.PromptTemplate;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.service.InternalReflectionVariableResolver;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link ChatModel} in front of the user's model that puts a candidate's texts into every request the AI Service
 * makes for the optimized method: the system message (added when the service has none) and the invocation's user
 * message, each rendered with the method's arguments as LangChain4j renders its templates. {@code @SystemMessage} and
 * {@code @UserMessage} annotations win over LangChain4j's message providers, so the texts are put in here rather
 * than through the builder. When a trace is kept, it records what the model was sent and answered: the messages,
 * every tool call and tool result (tagged with the system message's field, which tells the model how to use its
 * tools) and the final answer.
 *
 * <p>The method and arguments of the call in progress are set by {@link CapturingService} on the calling thread.
 */
final class PromptedChatModel implements ChatModel {
    private final ChatModel delegate;
    private final Method method;
    private final String systemMessage;
    private final String userMessage;
    private final ThreadLocal<Call> current = new ThreadLocal<>();

    /** The optimized method's call on this thread, and the trace it fills (null for none). */
    record Call(Object[] args, List<TraceEvent> trace, int[] seenMessages) {
        Call(Object[] args, List<TraceEvent> trace) {
            this(args, trace, new int[] {0});
        }
    }

    PromptedChatModel(ChatModel delegate, Method method, String systemMessage, String userMessage) {
        this.delegate = delegate;
        this.method = method;
        this.systemMessage = systemMessage;
        this.userMessage = userMessage;
    }

    void enter(Method invoked, Object[] args, List<TraceEvent> trace) {
        current.set(invoked.equals(method) ? new Call(args == null ? new Object[0] : args, trace) : null);
    }

    void leave() {
        current.remove();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return chat(request, ChatRequestOptions.EMPTY);
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        Call call = current.get();
        if (call == null) {
            return delegate.chat(request, options);
        }
        ChatRequest prompted = ChatRequest.builder().messages(substitute(request.messages(), call))
                .parameters(request.parameters()).build();
        record(call, prompted.messages());
        ChatResponse response = delegate.chat(prompted, options);
        record(call, response.aiMessage());
        return response;
    }

    private List<ChatMessage> substitute(List<ChatMessage> messages, Call call) {
        List<ChatMessage> out = new ArrayList<>(messages.size() + 1);
        boolean userReplaced = false;
        boolean hasSystem = messages.stream().anyMatch(m -> m instanceof SystemMessage);
        if (!hasSystem && !systemMessage.isBlank()) {
            out.add(SystemMessage.from(render(systemMessage, call)));
        }
        for (ChatMessage m : messages) {
            if (m instanceof SystemMessage) {
                out.add(systemMessage.isBlank() ? m : SystemMessage.from(render(systemMessage, call)));
            } else if (m instanceof UserMessage u && !userReplaced) {
                userReplaced = true;
                String text = render(userMessage, call);
                out.add(u.name() == null ? UserMessage.from(text) : UserMessage.from(u.name(), text));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private String render(String template, Call call) {
        try {
            return PromptTemplate.from(template).apply(InternalReflectionVariableResolver.findTemplateVariables(
                    template, method, call.args())).text();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the candidate text cannot be rendered for " + method.getName()
                    + ": " + e.getMessage() + " (a template may use only the method's variables)", e);
        }
    }

    private static void record(Call call, List<ChatMessage> messages) {
        if (call.trace() == null) {
            return;
        }
        for (int i = call.seenMessages()[0]; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            if (m instanceof SystemMessage s) {
                call.trace().add(TraceEvent.of(PromptFields.SYSTEM_MESSAGE, "system", s.text()));
            } else if (m instanceof UserMessage u) {
                call.trace().add(TraceEvent.of(PromptFields.USER_MESSAGE, "input", u.hasSingleText()
                        ? u.singleText() : u.contents().toString()));
            } else if (m instanceof ToolExecutionResultMessage r) {
                call.trace().add(TraceEvent.of(PromptFields.SYSTEM_MESSAGE, "tool_result",
                        r.toolName() + " -> " + r.text()));
            }
        }
        // the model's answers come back as the next request's history: count them as seen, they are recorded below
        call.seenMessages()[0] = messages.size() + 1;
    }

    private static void record(Call call, AiMessage answer) {
        if (call.trace() == null || answer == null) {
            return;
        }
        if (answer.hasToolExecutionRequests()) {
            for (ToolExecutionRequest t : answer.toolExecutionRequests()) {
                call.trace().add(TraceEvent.of(PromptFields.SYSTEM_MESSAGE, "tool_call",
                        t.name() + "(" + t.arguments() + ")"));
            }
        }
        if (answer.text() != null && !answer.text().isBlank()) {
            call.trace().add(TraceEvent.of(PromptFields.SYSTEM_MESSAGE, "model", answer.text()));
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }
}
