package dev.portcullis.oauth.application.grant;

import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A token request as a grant handler sees it (RFC 6749 §4.x.x "Access Token Request").
 *
 * @param grantType  the {@code grant_type}
 * @param scope      the parsed {@code scope}; empty when the parameter was absent
 * @param parameters the parameters the handler declared, each present at most once
 */
public record TokenRequest(GrantType grantType, Optional<ScopeSet> scope, Map<String, String> parameters) {

    public TokenRequest {
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(scope, "scope");
        parameters = Map.copyOf(parameters);
    }

    /** The value of parameter {@code name}; empty when it was not sent. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
