package dev.gepa4j.examples.quickstart;

import dev.gepa4j.api.Evaluation;
import dev.gepa4j.api.OptimizationResult;
import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.langchain4j.AiServiceOptimizer;
import dev.gepa4j.langchain4j.ChatModelProposer;
import dev.gepa4j.langchain4j.OptimizedAiService;
import dev.langchain4j.model.chat.ChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Optimizes the prompts of a LangChain4j AI Service ({@link TicketRouter}) with gepa4j, offline: scripted models
 * stand in for the service's LLM and for the reflection LLM. Prints the seed score, the best score and the lift.
 */
public final class Quickstart {
    private Quickstart() {
    }

    public static void main(String[] args) throws Exception {
        ChatModel serviceModel = new ScriptedRouterModel();        // stand-in: put your real ChatModel here
        ChatModel reflectionModel = new ScriptedReflectionModel(); // stand-in: a (stronger) real ChatModel here
        Path workspace = Files.createTempDirectory("gepa-quickstart");

        OptimizedAiService<TicketRouter> optimized = AiServiceOptimizer.builder(TicketRouter.class,
                        (TicketRouter router, Ticket ticket) -> router.route(ticket.text()),
                        (Ticket ticket, String answer) -> answer.strip().equalsIgnoreCase(ticket.team())
                                ? Evaluation.of(1, "correct")
                                : Evaluation.of(0, "wrong team: expected " + ticket.team() + " (the ticket is about "
                                        + ticket.topic() + "), answered " + answer.strip()))
                .chatModel(serviceModel)
                .description("Route each customer support ticket to billing, account or technical.")
                .describeExamples(Ticket::text)
                .optimization(o -> o.train(Ticket.train()).heldout(Ticket.heldout()).test(Ticket.test())
                        .proposer(ChatModelProposer.of(reflectionModel, "scripted-reflection"))
                        .budget(150).seed(1).mode(Mode.SERIAL)
                        .workspace(workspace).log(false))
                .build()
                .optimize();

        OptimizationResult r = optimized.result();
        System.out.println("optimized system message:\n  " + optimized.systemMessage().replace("\n", "\n  "));
        System.out.println("optimized user message:\n  " + optimized.userMessage().replace("\n", "\n  "));
        System.out.printf(Locale.ROOT, "seed score %.3f, best score %.3f, lift %+.3f (heldout)%n",
                r.seedHeldoutMean(), r.bestHeldoutMean(), r.heldoutLift());
        if (r.test() != null) {
            System.out.println(r.test().headline());
        }
        System.out.println("the optimized service routes \"Please refund my order\" to "
                + optimized.service().route("Please refund my order"));
        System.out.println("evidence packet: " + r.packetDir().resolve("packet.json"));
    }
}
