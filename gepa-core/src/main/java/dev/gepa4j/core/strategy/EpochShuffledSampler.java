package dev.gepa4j.core.strategy;

import dev.gepa4j.core.model.DatasetRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Walks the train set in a shuffled order, one minibatch after another, reshuffling at the start of every epoch,
 * so every example is seen once per epoch and consecutive minibatches differ. A minibatch that spans two epochs
 * never repeats an example: the ones it already took move to the end of the new epoch's order. Reshuffles too when
 * the train set changes size. Not thread-safe (the loop calls it under its lock).
 */
public final class EpochShuffledSampler implements MinibatchSampler {
    private List<Integer> order = List.of();
    private int cursor;
    private int trainSize = -1;

    @Override
    public List<DatasetRow> next(List<DatasetRow> train, int size, RandomGenerator random) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("cannot sample a minibatch from an empty train set");
        }
        if (size < 1) {
            throw new IllegalArgumentException("minibatch size must be >= 1, was " + size);
        }
        if (train.size() != trainSize) {
            trainSize = train.size();
            order = shuffled(trainSize, Set.of(), random);
            cursor = 0;
        }
        int wanted = Math.min(size, trainSize);
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < wanted) {
            if (cursor == order.size()) {
                order = shuffled(trainSize, picked, random);
                cursor = 0;
            }
            picked.add(order.get(cursor++));
        }
        List<DatasetRow> out = new ArrayList<>(wanted);
        picked.forEach(i -> out.add(train.get(i)));
        return out;
    }

    private static List<Integer> shuffled(int n, Set<Integer> last, RandomGenerator random) {
        List<Integer> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, t);
        }
        ids.removeAll(last);
        ids.addAll(last);
        return ids;
    }
}
