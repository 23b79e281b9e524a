package dev.gepa4j.tasks.ifeval.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one instruction (the {@code kwargs} entry of the data), with typed reads that fail with a clear
 * message when a parameter is missing or has the wrong type.
 */
public record InstructionArgs(String instructionId, Map<String, Object> values) {
    public InstructionArgs {
        values = Map.copyOf(values);
    }

    public static InstructionArgs of(String instructionId, Map<String, Object> values) {
        return new InstructionArgs(instructionId, values);
    }

    public int integer(String name) {
        Object v = require(name);
        if (v instanceof Number n) {
            return n.intValue();
        }
        throw wrongType(name, "a number", v);
    }

    public String text(String name) {
        Object v = require(name);
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(name, "a string", v);
    }

    public List<String> texts(String name) {
        Object v = require(name);
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        throw wrongType(name, "a list of strings", v);
    }

    /** The {@code at least} / {@code less than} relation stored under {@code name}. */
    public Relation relation(String name) {
        return Relation.parse(instructionId, text(name));
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("instruction " + instructionId + " lacks its '" + name
                    + "' parameter (has " + values.keySet() + ")");
        }
        return v;
    }

    private IllegalArgumentException wrongType(String name, String expected, Object actual) {
        return new IllegalArgumentException("instruction " + instructionId + ": parameter '" + name + "' should be "
                + expected + ", was " + actual);
    }
}
