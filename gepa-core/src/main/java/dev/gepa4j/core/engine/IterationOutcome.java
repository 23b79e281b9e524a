package dev.gepa4j.core.engine;

/**
 * How one iteration of the loop ended; exactly one per iteration, and exactly one per proposal seq for iterations
 * that made a proposal ({@code seq} is 0 for iterations that ended before a proposal was made).
 */
public sealed interface IterationOutcome {

    int seq();

    /** Short name for events and counts. */
    String label();

    /** The child passed the gate and its full-train evaluation and was registered. */
    record Accepted(int seq, String candidateId, int index, double trainMean) implements IterationOutcome {
        public String label() {
            return "accepted";
        }
    }

    /** The child was judged and not registered; {@code stage} says where (minibatch, merge_sample, full_train, stale). */
    record Rejected(int seq, String candidateId, String stage, String reason) implements IterationOutcome {
        public String label() {
            return "rejected";
        }
    }

    /** The draft equals a registered candidate: skipped at no cost. */
    record Duplicate(int seq, String candidateId, int existingIndex) implements IterationOutcome {
        public String label() {
            return "duplicate";
        }
    }

    /** The proposer gave no usable draft (rejected output, or a draft that breaks the contract). */
    record ProposerFailed(int seq, String reason) implements IterationOutcome {
        public String label() {
            return "proposer_failed";
        }
    }

    /** Nothing to propose from this parent and minibatch (already perfect, or its results incomplete). */
    record Skipped(int seq, String reason) implements IterationOutcome {
        public String label() {
            return "skipped";
        }
    }

    /** The iteration threw; the loop went on because it had measured something new. */
    record Failed(int seq, String error) implements IterationOutcome {
        public String label() {
            return "failed";
        }
    }
}
