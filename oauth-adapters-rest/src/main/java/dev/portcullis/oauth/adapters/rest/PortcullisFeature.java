package dev.portcullis.oauth.adapters.rest;

import dev.portcullis.oauth.adapters.rest.discovery.JwksResource;
import dev.portcullis.oauth.adapters.rest.discovery.MetadataResource;
import dev.portcullis.oauth.adapters.rest.error.ErrorBodyFilter;
import dev.portcullis.oauth.adapters.rest.error.OAuthExceptionMapper;
import dev.portcullis.oauth.adapters.rest.error.ServiceUnavailableExceptionMapper;
import dev.portcullis.oauth.adapters.rest.error.UnexpectedExceptionMapper;
import dev.portcullis.oauth.adapters.rest.error.WebApplicationExceptionMapper;
import dev.portcullis.oauth.adapters.rest.form.FormBodyReader;
import dev.portcullis.oauth.adapters.rest.token.TokenResource;
import dev.portcullis.oauth.adapters.rest.tracing.RequestIdFilter;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;

/**
 * Mounts the Portcullis endpoints on a JAX-RS application: the token endpoint, server metadata,
 * the JWK set, the error mappers and the request id filter, each registered as an instance built
 * here (no classpath scanning, no injection container). The standalone runtime and an embedding
 * host do the same:
 *
 * <pre>{@code
 * ResourceConfig config = new ResourceConfig()
 *         .property(ServerProperties.WADL_FEATURE_DISABLE, true)
 *         .register(new PortcullisFeature(server));
 * }</pre>
 *
 * <p>Paths are relative to the application root, which should be the issuer's path. Nothing here
 * needs WADL, JAXB or a JSON provider: bodies are written as bytes.
 *
 * <p>Note for embedders: exception mappers and response filters are global to the JAX-RS
 * application they are registered in. Beside the endpoints above, the catch-all
 * {@link UnexpectedExceptionMapper}, {@link WebApplicationExceptionMapper} and {@link ErrorBodyFilter}
 * turn every error of that application into an OAuth JSON error. Mount the feature in an
 * application of its own (its own context path) when the host's other resources must keep their
 * own error bodies.
 */
public final class PortcullisFeature implements Feature {

    private final AuthorizationServer server;

    /** @param server the protocol core whose use cases the endpoints call */
    public PortcullisFeature(AuthorizationServer server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new RequestIdFilter());
        context.register(new TokenResource(server.issueToken(), new FormBodyReader(FormBodyReader.DEFAULT_MAX_BYTES)));
        context.register(new MetadataResource(server.describeServer()));
        context.register(new JwksResource(server.publishKeys()));
        context.register(new OAuthExceptionMapper());
        context.register(new ServiceUnavailableExceptionMapper());
        context.register(new WebApplicationExceptionMapper());
        context.register(new UnexpectedExceptionMapper());
        context.register(new ErrorBodyFilter());
        return true;
    }
}
