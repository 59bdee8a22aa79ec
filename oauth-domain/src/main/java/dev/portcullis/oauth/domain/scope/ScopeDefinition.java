package dev.portcullis.oauth.domain.scope;

import java.util.Objects;

/**
 * A scope the server knows, with the description shown to users on the consent page.
 *
 * @param scope       the scope
 * @param description a short human-readable description; may be empty
 */
public record ScopeDefinition(Scope scope, String description) {

    public ScopeDefinition {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(description, "description");
        if (description.length() > 1000) {
            throw new IllegalArgumentException("description must be at most 1000 characters");
        }
    }
}
