package dev.portcullis.oauth.adapters.rest.admin;

import jakarta.ws.rs.core.Response;
import java.util.Objects;

/**
 * A refusal of the admin API decided in the resource, with its whole response (a 401 with its
 * challenge, a 413); written unchanged by {@link AdminRefusalMapper}.
 */
final class AdminRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Response response;

    AdminRefusal(Response response) {
        super("admin request refused with HTTP status " + response.getStatus(), null, false, false);
        this.response = Objects.requireNonNull(response, "response");
    }

    Response response() {
        return response;
    }
}
