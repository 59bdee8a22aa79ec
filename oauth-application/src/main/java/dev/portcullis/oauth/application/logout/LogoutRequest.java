package dev.portcullis.oauth.application.logout;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to the end-session endpoint, as the browser sent it.
 *
 * @param parameters    the query or form parameters, each name once, without empty values
 *                      ({@code id_token_hint}, {@code client_id}, {@code post_logout_redirect_uri},
 *                      {@code state}, {@code ui_locales}, and {@code csrf_token} from the confirmation form)
 * @param sessionCookie the browser session cookie value; empty when the browser sent none
 * @param csrfCookie    the logout confirmation cookie value; empty when the browser sent none
 */
public record LogoutRequest(Map<String, String> parameters, Optional<String> sessionCookie, Optional<String> csrfCookie) {

    public LogoutRequest {
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        Objects.requireNonNull(sessionCookie, "sessionCookie");
        Objects.requireNonNull(csrfCookie, "csrfCookie");
    }

    /** The parameter {@code name}; empty when absent. */
    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(value -> !value.isEmpty());
    }

    @Override
    public String toString() {
        // The hint is an ID token and the cookies are credentials: none of them is printed (STYLE.md §8).
        return "LogoutRequest[parameters=" + parameters.keySet() + ", redacted]";
    }
}
