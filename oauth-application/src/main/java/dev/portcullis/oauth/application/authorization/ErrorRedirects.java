package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.domain.authorization.ResponseMode;
import dev.portcullis.oauth.domain.error.OAuthError;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds authorization responses: {@code code} or {@code error} and {@code error_description}, then
 * {@code state} when sent (RFC 6749 §4.1.2, §4.1.2.1) and {@code iss} always (RFC 9207 §2).
 * Thread-safe.
 */
final class ErrorRedirects {

    private final String issuer;

    ErrorRedirects(URI issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer").toString();
    }

    AuthorizationStep.Redirect error(URI redirectUri, ResponseMode mode, Optional<String> state, OAuthError error) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error.code().value());
        parameters.put("error_description", error.description());
        return finish(redirectUri, mode, state, parameters);
    }

    AuthorizationStep.Redirect error(AuthorizationRequest request, OAuthError error) {
        return error(request.redirectUri(), request.responseMode(), request.state(), error);
    }

    AuthorizationStep.Redirect code(AuthorizationRequest request, String code) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        return finish(request.redirectUri(), request.responseMode(), request.state(), parameters);
    }

    private AuthorizationStep.Redirect finish(URI redirectUri, ResponseMode mode, Optional<String> state,
                                              Map<String, String> parameters) {
        state.ifPresent(value -> parameters.put("state", value));
        // RFC 9207 §2: the iss parameter in every authorization response, errors included.
        parameters.put("iss", issuer);
        return new AuthorizationStep.Redirect(redirectUri, mode, parameters);
    }
}
