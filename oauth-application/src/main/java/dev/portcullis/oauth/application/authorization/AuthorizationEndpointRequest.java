package dev.portcullis.oauth.application.authorization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization request as received (RFC 6749 §4.1.1), from the query of a GET or the form body
 * of a POST, before any check.
 *
 * @param parameters    every parameter with all its values, so that a repeat can be refused
 *                      (RFC 6749 §3.1); parameters with empty values are left out
 * @param sessionCookie the browser session cookie value, if the browser sent one
 * @param flowCookie    the flow cookie value, if the browser sent one: a new pending request is bound to it
 */
public record AuthorizationEndpointRequest(Map<String, List<String>> parameters, Optional<String> sessionCookie,
                                           Optional<String> flowCookie) {

    public AuthorizationEndpointRequest {
        Map<String, List<String>> copy = new HashMap<>();
        parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        parameters = Map.copyOf(copy);
        Objects.requireNonNull(sessionCookie, "sessionCookie");
        Objects.requireNonNull(flowCookie, "flowCookie");
    }

    @Override
    public String toString() {
        return "AuthorizationEndpointRequest" + parameters.keySet();
    }
}
