package dev.gepa4j.core.strategy;

import dev.gepa4j.core.model.Candidate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One field per proposal, cycling through the fields per parent: the first proposal from a candidate rewrites the
 * first field, the next proposal from the same candidate the second, and so on. A child continues from the furthest
 * position of its parents, so a lineage moves on to the next field instead of rewriting the same one again. Told
 * which fields proposals in flight are rewriting from the same parent, it skips ahead to the next field that is not
 * busy (all busy: the plain next field), so concurrent lanes from one parent rewrite different fields.
 */
public final class RoundRobinComponents implements ComponentSelector {
    private final Map<String, Integer> next = new HashMap<>();

    @Override
    public List<String> fieldsToUpdate(Candidate parent, List<String> mutableFields) {
        return fieldsToUpdate(parent, mutableFields, Set.of());
    }

    @Override
    public synchronized List<String> fieldsToUpdate(Candidate parent, List<String> mutableFields, Set<String> busy) {
        if (mutableFields.isEmpty()) {
            throw new IllegalArgumentException("the program has no mutable fields to update");
        }
        int position = next.getOrDefault(parent.id(), 0);
        int skip = 0;
        while (skip < mutableFields.size() && busy.contains(mutableFields.get((position + skip) % mutableFields.size()))) {
            skip++;
        }
        position += skip == mutableFields.size() ? 0 : skip;
        next.put(parent.id(), position + 1);
        return List.of(mutableFields.get(position % mutableFields.size()));
    }

    @Override
    public synchronized void inherit(Candidate child) {
        int position = 0;
        for (String p : child.parentIds()) {
            position = Math.max(position, next.getOrDefault(p, 0));
        }
        next.putIfAbsent(child.id(), position);
    }

    @Override
    public String name() {
        return "round_robin";
    }
}
