package dev.gepa4j.core.strategy;

import dev.gepa4j.core.model.DatasetRow;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Chooses the train examples a parent and its child are compared on.
 *
 * <p>Contract: returns {@code min(size, train.size())} distinct rows of {@code train}; throws
 * {@link IllegalArgumentException} for an empty train list or a size below 1. Implementations may keep state
 * between calls (an epoch position); that state is not persisted, because a resumed run replays the same calls
 * with the same seed and so rebuilds it.
 */
public interface MinibatchSampler {

    List<DatasetRow> next(List<DatasetRow> train, int size, RandomGenerator random);
}
