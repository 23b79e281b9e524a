package dev.gepa4j.examples.quickstart;

import java.util.List;

/**
 * One labelled ticket: its text, the team that handles it, and its topic (what the metric's feedback names).
 */
public record Ticket(String text, String team, String topic) {

    static List<Ticket> train() {
        return List.of(
                new Ticket("I was charged twice, I want a refund", "billing", "refund"),
                new Ticket("Where can I download last month's invoice?", "billing", "invoice"),
                new Ticket("I forgot my password and cannot reset it", "account", "password"),
                new Ticket("How do I change the email on my profile?", "account", "profile"),
                new Ticket("The app crashes when I open settings", "technical", "crashes"),
                new Ticket("Sync fails with an error since the update", "technical", "error"));
    }

    static List<Ticket> heldout() {
        return List.of(
                new Ticket("Please refund the annual plan I cancelled", "billing", "refund"),
                new Ticket("The invoice shows the wrong company name", "billing", "invoice"),
                new Ticket("My password stopped working after the reset", "account", "password"),
                new Ticket("Delete my profile and all my data", "account", "profile"),
                new Ticket("It crashes every time I export a file", "technical", "crashes"),
                new Ticket("Login page shows error 500", "technical", "error"));
    }

    static List<Ticket> test() {
        return List.of(
                new Ticket("I need a refund for a double payment", "billing", "refund"),
                new Ticket("Send the invoice to my accountant too", "billing", "invoice"),
                new Ticket("Can support reset my password for me?", "account", "password"),
                new Ticket("My profile picture will not update", "account", "profile"),
                new Ticket("The desktop client crashes on start", "technical", "crashes"),
                new Ticket("Uploading gives an error about quota", "technical", "error"),
                new Ticket("Why was I billed a refund fee?", "billing", "refund"),
                new Ticket("Merge my two profile accounts", "account", "profile"));
    }
}
