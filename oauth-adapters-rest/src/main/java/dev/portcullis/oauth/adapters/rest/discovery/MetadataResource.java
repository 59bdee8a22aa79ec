package dev.portcullis.oauth.adapters.rest.discovery;

import dev.portcullis.oauth.adapters.rest.json.JsonBody;
import dev.portcullis.oauth.application.discovery.DescribeServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

/**
 * Authorization server metadata (RFC 8414 §3) at {@code /.well-known/oauth-authorization-server},
 * and the same document as OpenID Provider metadata (OIDC Discovery 1.0 §4) at
 * {@code /.well-known/openid-configuration}. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-3">RFC 8414 §3</a>
 */
@Path(".well-known")
public final class MetadataResource {

    // The document changes only when grants or scopes are reconfigured; a minute of caching spares
    // clients a round trip per start-up while a change is still seen quickly.
    private static final String CACHE_CONTROL = "public, max-age=60";

    private final DescribeServer describeServer;

    /** @param describeServer the use case that generates the document */
    public MetadataResource(DescribeServer describeServer) {
        this.describeServer = Objects.requireNonNull(describeServer, "describeServer");
    }

    /** RFC 8414 §3. */
    @GET
    @Path("oauth-authorization-server")
    public Response authorizationServer() {
        return metadata();
    }

    /** OIDC Discovery 1.0 §4. */
    @GET
    @Path("openid-configuration")
    public Response openidConfiguration() {
        return metadata();
    }

    private Response metadata() {
        return Response.ok(JsonBody.of(describeServer.metadata()), JsonBody.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }
}
