package dev.gepa4j.core.model;

import java.util.Objects;

/**
 * One module of the container's prompt program ({@code GET /program}).
 *
 * @param candidateField the key a candidate uses for this module's text; null for a module that is not mutable
 */
public record ProgramModule(String moduleId, String role, String content, boolean mutable, String candidateField) {
    public ProgramModule {
        Objects.requireNonNull(moduleId, "moduleId");
        content = content == null ? "" : content;
        if (mutable && (candidateField == null || candidateField.isBlank())) {
            throw new IllegalArgumentException("mutable module '" + moduleId + "' has no candidate_field");
        }
    }
}
