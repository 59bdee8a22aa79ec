package dev.portcullis.oauth.adapters.rest.login;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * Tells the address of the connection a request came on, for limiting failed sign-ins per address.
 * JAX-RS has no portable way to read it, so the host provides it: by default, from the request
 * property {@link #PROPERTY}, which the host's container sets (the runtime from Jetty's
 * {@code Request.getRemoteAddr}). Never from {@code X-Forwarded-For}, which any client can write,
 * unless the host strips it at a trusted proxy. Thread-safe.
 */
@FunctionalInterface
public interface ClientAddressResolver {

    /** The request property holding the connection's address as a String. */
    String PROPERTY = "dev.portcullis.client_address";

    /** The address; empty when unknown, and then only the per-username limit applies. */
    Optional<String> address(ContainerRequestContext request);

    /** Reads {@link #PROPERTY}. */
    static ClientAddressResolver fromProperty() {
        return request -> request.getProperty(PROPERTY) instanceof String address && !address.isEmpty()
                ? Optional.of(address) : Optional.empty();
    }
}
