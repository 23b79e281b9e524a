package dev.gepa4j.langchain4j;

import dev.gepa4j.api.Evaluation;
import dev.gepa4j.api.Optimization;
import dev.gepa4j.api.OptimizationResult;
import dev.gepa4j.api.Task;
import dev.gepa4j.sdk.TraceEvent;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * GEPA for a LangChain4j AI Service: evolves the service's system message and user-message template (the candidate
 * fields {@value PromptFields#SYSTEM_MESSAGE} and {@value PromptFields#USER_MESSAGE}, seeded from the method's
 * {@code @SystemMessage} / {@code @UserMessage} or from text you give) on your examples and metric, and returns the
 * optimized texts with a service built on them.
 *
 * <pre>{@code
 * interface Router {
 *     @SystemMessage("Route the support ticket to a team.")
 *     @UserMessage("Ticket: {{it}}")
 *     String route(String ticket);
 * }
 * record Ticket(String text, String team) { }
 *
 * OptimizedAiService<Router> optimized = AiServiceOptimizer.builder(Router.class,
 *                 (Router r, Ticket t) -> r.route(t.text()),
 *                 (Ticket t, String answer) -> answer.strip().equals(t.team())
 *                         ? Evaluation.of(1, "")
 *                         : Evaluation.of(0, "expected " + t.team() + " but the answer was " + answer))
 *         .chatModel(model)                                  // any LangChain4j ChatModel
 *         .configure(b -> b.tools(new TeamDirectory()))      // the rest of your AiServices setup
 *         .describeExamples(Ticket::text)
 *         .optimization(o -> o.train(train).heldout(heldout).budget(300)
 *                 .proposer(ChatModelProposer.of(reflectionModel))
 *                 .workspace(Path.of("gepa-work")))
 *         .build()
 *         .optimize();
 * String answer = optimized.service().route("I was charged twice");
 * }</pre>
 *
 * <p>Each rollout builds the service anew on your model, behind a {@link ChatModel} that puts the candidate's texts
 * into every request of the optimized method and records the messages, every tool call and tool result, and the
 * model's text in the rollout's trace, each tagged with the field that shaped it; the metric's feedback is added as
 * a verdict step for both fields. A model call or a metric that throws ends that rollout as failed (reward 0) with
 * the error in its trace, and the run goes on.
 *
 * @param <S> the AI Service interface
 * @param <E> the type of the examples
 * @param <R> what the optimized method returns
 */
public final class AiServiceOptimizer<S, E, R> {
    private final Builder<S, E, R> b;
    private final Method method;
    private final Map<String, String> seed;

    private AiServiceOptimizer(Builder<S, E, R> b, Method method, Map<String, String> seed) {
        this.b = b;
        this.method = method;
        this.seed = seed;
    }

    /**
     * @param service the AI Service interface
     * @param call    puts one example to the service (calls the method being optimized)
     * @param metric  judges the answer: a score in [0, 1] with feedback
     */
    public static <S, E, R> Builder<S, E, R> builder(Class<S> service, ServiceCall<S, E, R> call,
                                                     Metric<E, R> metric) {
        return new Builder<>(service, call, metric);
    }

    /** The seed texts, field name to text ({@value PromptFields#SYSTEM_MESSAGE}, {@value PromptFields#USER_MESSAGE}). */
    public Map<String, String> seedCandidate() {
        return seed;
    }

    /** Runs the optimization and returns the optimized texts and service; blocks the calling thread. */
    public OptimizedAiService<S> optimize() throws InterruptedException {
        Optimization.Builder<E> o = Optimization.of(task()).name(b.service.getSimpleName() + "." + method.getName())
                .description(b.description).seedCandidate(seed).describeExamples(b.describe);
        OptimizationResult result = b.optimization.apply(o).build().run();
        String system = result.bestText(PromptFields.SYSTEM_MESSAGE);
        String user = result.bestText(PromptFields.USER_MESSAGE);
        return new OptimizedAiService<>(service(system, user, null), system, user, result);
    }

    /** {@link #optimize()} on a new virtual thread. */
    public CompletableFuture<OptimizedAiService<S>> optimizeAsync() {
        CompletableFuture<OptimizedAiService<S>> future = new CompletableFuture<>();
        Thread.ofVirtual().name("gepa-ai-service-optimization").start(() -> {
            try {
                future.complete(optimize());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.completeExceptionally(e);
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    /**
     * The AI Service with the given texts, built as during the optimization: your model and configuration, the texts
     * put into every request of the optimized method.
     */
    public S service(String systemMessage, String userMessage) {
        return service(systemMessage, userMessage, null);
    }

    private S service(String systemMessage, String userMessage, List<TraceEvent> trace) {
        PromptedChatModel model = new PromptedChatModel(b.chatModel, method, systemMessage, userMessage);
        AiServices<S> builder = AiServices.builder(b.service).chatModel(model);
        b.configure.accept(builder);
        return CapturingService.wrap(b.service, builder.build(), model, trace);
    }

    /** One rollout: a fresh service with the candidate's texts, the call, the metric, and the trace they leave. */
    private Task<E> task() {
        return (candidate, example) -> {
            List<TraceEvent> trace = java.util.Collections.synchronizedList(new ArrayList<>());
            S service = service(candidate.get(PromptFields.SYSTEM_MESSAGE), candidate.get(PromptFields.USER_MESSAGE),
                    trace);
            R answer;
            try {
                answer = b.call.call(service, example);
            } catch (Exception e) {
                throw new IllegalStateException("the AI Service call failed (the model or a tool): " + e
                        + "; trace so far: " + tail(trace), e);
            }
            trace.add(new TraceEvent("prediction", String.valueOf(answer)));
            Evaluation judged;
            try {
                judged = b.metric.score(example, answer);
            } catch (Exception e) {
                throw new IllegalStateException("the metric failed on the answer " + quote(answer) + ": " + e, e);
            }
            if (judged == null) {
                throw new IllegalStateException("the metric returned no evaluation for the answer " + quote(answer));
            }
            if (judged.score() < 1 && !judged.feedback().isBlank()) {
                trace.add(TraceEvent.of(PromptFields.SYSTEM_MESSAGE, "verdict", judged.feedback()));
                trace.add(TraceEvent.of(PromptFields.USER_MESSAGE, "verdict", judged.feedback()));
            }
            List<TraceEvent> steps = new ArrayList<>(trace);
            steps.addAll(judged.trace());
            return judged.withOutput(judged.output().isEmpty() ? String.valueOf(answer) : judged.output())
                    .withTrace(steps);
        };
    }

    private static String quote(Object answer) {
        String text = String.valueOf(answer);
        return "'" + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + "'";
    }

    private static String tail(List<TraceEvent> trace) {
        synchronized (trace) {
            return trace.isEmpty() ? "(nothing)" : trace.getLast().type() + ": " + trace.getLast().text();
        }
    }

    /**
     * Settings of an AI Service optimization. Required: the chat model and, through {@link #optimization}, the rows,
     * the proposer, the budget and the workspace.
     */
    public static final class Builder<S, E, R> {
        private final Class<S> service;
        private final ServiceCall<S, E, R> call;
        private final Metric<E, R> metric;
        private ChatModel chatModel;
        private String methodName;
        private String systemMessage;
        private String userMessage;
        private String description = "";
        private java.util.function.Function<? super E, String> describe = String::valueOf;
        private Consumer<AiServices<S>> configure = b -> { };
        private UnaryOperator<Optimization.Builder<E>> optimization = UnaryOperator.identity();

        private Builder(Class<S> service, ServiceCall<S, E, R> call, Metric<E, R> metric) {
            this.service = Objects.requireNonNull(service, "service");
            this.call = Objects.requireNonNull(call, "call");
            this.metric = Objects.requireNonNull(metric, "metric");
        }

        /** The model the service runs on (required). */
        public Builder<S, E, R> chatModel(ChatModel model) {
            this.chatModel = Objects.requireNonNull(model, "chatModel");
            return this;
        }

        /** The method to optimize, when the interface has more than one. */
        public Builder<S, E, R> method(String name) {
            this.methodName = name;
            return this;
        }

        /** The seed system message, instead of the {@code @SystemMessage} annotation's. */
        public Builder<S, E, R> systemMessage(String text) {
            this.systemMessage = Objects.requireNonNull(text, "systemMessage");
            return this;
        }

        /** The seed user-message template, instead of the {@code @UserMessage} annotation's. */
        public Builder<S, E, R> userMessage(String template) {
            this.userMessage = Objects.requireNonNull(template, "userMessage");
            return this;
        }

        /** What the service does, in words, for the proposer. */
        public Builder<S, E, R> description(String text) {
            this.description = Objects.requireNonNull(text, "description");
            return this;
        }

        /** How an example is shown to the proposer and in the console (default {@code String.valueOf}). */
        public Builder<S, E, R> describeExamples(java.util.function.Function<? super E, String> describer) {
            this.describe = Objects.requireNonNull(describer, "describer");
            return this;
        }

        /**
         * The rest of the service's setup (tools, chat memory, retrieval, guardrails...), applied to the
         * {@link AiServices} builder of every rollout and of the optimized service. Do not set the chat model or
         * the messages here.
         */
        public Builder<S, E, R> configure(Consumer<AiServices<S>> setup) {
            this.configure = Objects.requireNonNull(setup, "configure");
            return this;
        }

        /** The run's settings: rows, proposer, budget, workspace, seed, mode, console, progress... */
        public Builder<S, E, R> optimization(UnaryOperator<Optimization.Builder<E>> settings) {
            this.optimization = Objects.requireNonNull(settings, "optimization");
            return this;
        }

        /**
         * Finds the method and the seed texts.
         *
         * @throws IllegalStateException    without a chat model, or without a user-message template to start from
         * @throws IllegalArgumentException when the method cannot be found
         */
        public AiServiceOptimizer<S, E, R> build() {
            if (chatModel == null) {
                throw new IllegalStateException("chatModel(...) is required: the model the AI Service runs on");
            }
            Method m = PromptFields.method(service, methodName);
            String system = systemMessage != null ? systemMessage
                    : Objects.requireNonNullElse(PromptFields.annotatedSystemMessage(m), "");
            String user = userMessage != null ? userMessage : PromptFields.annotatedUserMessage(m);
            if (user == null) {
                if (m.getParameterCount() != 1) {
                    throw new IllegalStateException(m.getName() + " has no @UserMessage and " + m.getParameterCount()
                            + " parameters: give the seed template with userMessage(\"... {{name}} ...\")");
                }
                user = "{{it}}";
            }
            return new AiServiceOptimizer<>(this, m, Map.of(PromptFields.SYSTEM_MESSAGE, system,
                    PromptFields.USER_MESSAGE, user));
        }
    }
}
