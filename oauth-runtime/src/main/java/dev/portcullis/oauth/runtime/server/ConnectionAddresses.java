package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.adapters.rest.login.ClientAddressResolver;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The address of the TCP connection a request came on (never a forwarded header), for the REST
 * adapter's per-address sign-in limits. The Jetty handler in front of Jersey keeps the request at
 * hand on its thread while Jersey serves it (Jersey's Jetty container serves on the calling
 * thread); the resolver reads the address only when a resource asks, so requests that never ask
 * (every token request) pay nothing for it. Jersey's own way, a {@code Provider<Request>} looked up
 * through HK2 in a filter, cost about 5% of a token request.
 */
final class ConnectionAddresses extends Handler.Wrapper implements ClientAddressResolver {

    private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

    /** A wrapper whose handler, Jersey's container, is set by {@link HttpServer#create}. */
    ConnectionAddresses() {
        super();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        CURRENT.set(request);
        try {
            return super.handle(request, response, callback);
        } finally {
            CURRENT.remove();
        }
    }

    /** The address of the connection of the request this thread serves; empty outside one. */
    @Override
    public Optional<String> address(ContainerRequestContext ignored) {
        Request request = CURRENT.get();
        if (request == null) {
            return Optional.empty();
        }
        String address = Request.getRemoteAddr(request);
        return address == null || address.isEmpty() ? Optional.empty() : Optional.of(address);
    }
}
