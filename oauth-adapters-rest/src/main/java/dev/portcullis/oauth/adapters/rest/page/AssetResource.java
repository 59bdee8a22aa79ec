package dev.portcullis.oauth.adapters.rest.page;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Objects;

/** The pages' stylesheet, {@code GET /assets/portcullis.css}: the theme's, or the built-in one. Thread-safe. */
@Path("assets/portcullis.css")
public final class AssetResource {

    private final byte[] stylesheet;

    /** @param pages where the stylesheet is read from, once */
    public AssetResource(PageRenderer pages) {
        this.stylesheet = Objects.requireNonNull(pages, "pages").stylesheet();
    }

    /** The stylesheet, cacheable for an hour. */
    @GET
    public Response stylesheet() {
        return Response.ok(stylesheet, "text/css;charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
