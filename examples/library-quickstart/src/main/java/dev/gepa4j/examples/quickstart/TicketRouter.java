package dev.gepa4j.examples.quickstart;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;

/** The LangChain4j AI Service being optimized: its two prompts are the seed. */
public interface TicketRouter {
    @SystemMessage("You route customer support tickets to a team. Answer with the team's name only.")
    @UserMessage("Ticket: {{it}}")
    String route(String ticket);
}
