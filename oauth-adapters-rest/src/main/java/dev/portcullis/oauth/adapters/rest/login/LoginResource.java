package dev.portcullis.oauth.adapters.rest.login;

import dev.portcullis.oauth.adapters.rest.form.FormBodyReader;
import dev.portcullis.oauth.adapters.rest.page.StepResponses;
import dev.portcullis.oauth.application.authorization.LoginAttempt;
import dev.portcullis.oauth.application.authorization.SignIn;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * The login page: {@code GET /login?request=…} shows the form of a pending authorization request;
 * {@code POST /login} (fields {@code request}, {@code csrf_token}, {@code username}, {@code password})
 * signs in through {@link SignIn}. Both need the flow cookie of the browser that started the request
 * ({@link StepResponses#FLOW_COOKIE}, against login CSRF). Thread-safe.
 */
@Path("login")
public final class LoginResource {

    static final OAuthError NO_REQUEST = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The sign-in request is unknown or has expired.");

    private final SignIn signIn;
    private final StepResponses responses;
    private final FormBodyReader forms;
    private final ClientAddressResolver addresses;

    public LoginResource(SignIn signIn, StepResponses responses, FormBodyReader forms, ClientAddressResolver addresses) {
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.responses = Objects.requireNonNull(responses, "responses");
        this.forms = Objects.requireNonNull(forms, "forms");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    /** The sign-in form. */
    @GET
    public Response form(@QueryParam("request") String requestId, @Context HttpHeaders headers) {
        if (requestId == null || requestId.isEmpty()) {
            return responses.errorPage(400, NO_REQUEST);
        }
        return responses.render(signIn.page(requestId, StepResponses.flowCookie(headers).orElse("")));
    }

    /** A submitted sign-in form. */
    @POST
    public Response submit(@Context HttpHeaders headers, @Context ContainerRequestContext request, InputStream body) {
        Map<String, String> form;
        try {
            form = forms.read(headers, body);
        } catch (OAuthException e) {
            return responses.errorPage(400, e.error());
        }
        String requestId = form.getOrDefault("request", "");
        if (requestId.isEmpty()) {
            return responses.errorPage(400, NO_REQUEST);
        }
        return responses.render(signIn.signIn(new LoginAttempt(requestId, form.getOrDefault("csrf_token", ""),
                StepResponses.flowCookie(headers), form.getOrDefault("username", ""), form.getOrDefault("password", ""),
                addresses.address(request))));
    }
}
