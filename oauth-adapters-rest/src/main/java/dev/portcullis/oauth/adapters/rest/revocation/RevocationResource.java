package dev.portcullis.oauth.adapters.rest.revocation;

import dev.portcullis.oauth.adapters.rest.client.ClientCredentialsReader;
import dev.portcullis.oauth.adapters.rest.form.FormBodyReader;
import dev.portcullis.oauth.application.revocation.RevokeToken;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Objects;

/**
 * The revocation endpoint, {@code POST /revoke} (RFC 7009 §2): the same request checks and client
 * authentication as the token endpoint, then {@link RevokeToken}; 200 with an empty body whether or
 * not there was anything to revoke (RFC 7009 §2.2). Thread-safe.
 *
 * <p>No {@code @Consumes}: every content type reaches this method, so that a wrong one is answered
 * with an OAuth {@code invalid_request} body instead of Jersey's 415.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2">RFC 7009 §2</a>
 */
@Path("revoke")
public final class RevocationResource {

    private final RevokeToken revokeToken;
    private final FormBodyReader forms;

    /**
     * @param revokeToken the use case
     * @param forms       reads the form body within its size limit
     */
    public RevocationResource(RevokeToken revokeToken, FormBodyReader forms) {
        this.revokeToken = Objects.requireNonNull(revokeToken, "revokeToken");
        this.forms = Objects.requireNonNull(forms, "forms");
    }

    /** Serves one revocation request; see the class comment. */
    @POST
    public Response revoke(@Context HttpHeaders headers, InputStream body) {
        revokeToken.revoke(ClientCredentialsReader.request(headers, forms.read(headers, body)));
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
