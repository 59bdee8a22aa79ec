package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.adapters.rest.login.ClientAddressResolver;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import org.eclipse.jetty.server.Request;

/**
 * Hands the address of the TCP connection (never a forwarded header) to the REST adapter, which
 * limits failed sign-ins per address.
 */
@PreMatching
final class ConnectionAddressFilter implements ContainerRequestFilter {

    @Context
    private Provider<Request> request;

    @Override
    public void filter(ContainerRequestContext context) {
        context.setProperty(ClientAddressResolver.PROPERTY, Request.getRemoteAddr(request.get()));
    }
}
