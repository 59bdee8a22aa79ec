package dev.portcullis.oauth.adapters.rest.consent;

import dev.portcullis.oauth.adapters.rest.form.FormBodyReader;
import dev.portcullis.oauth.adapters.rest.page.StepResponses;
import dev.portcullis.oauth.application.authorization.ConsentDecision;
import dev.portcullis.oauth.application.authorization.GiveConsent;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * The consent page: {@code GET /consent?request=…} lists the client and the requested scopes;
 * {@code POST /consent} (fields {@code request}, {@code csrf_token}, {@code decision} = {@code allow}
 * or {@code deny}) records the answer through {@link GiveConsent}. Both need the session that signed
 * in and the flow cookie of the browser that started the request. Thread-safe.
 */
@Path("consent")
public final class ConsentResource {

    static final OAuthError NO_REQUEST = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The sign-in request is unknown or has expired.");
    static final OAuthError NO_DECISION = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The decision must be allow or deny.");

    private final GiveConsent giveConsent;
    private final StepResponses responses;
    private final FormBodyReader forms;

    public ConsentResource(GiveConsent giveConsent, StepResponses responses, FormBodyReader forms) {
        this.giveConsent = Objects.requireNonNull(giveConsent, "giveConsent");
        this.responses = Objects.requireNonNull(responses, "responses");
        this.forms = Objects.requireNonNull(forms, "forms");
    }

    /** The consent form. */
    @GET
    public Response form(@QueryParam("request") String requestId, @Context HttpHeaders headers) {
        if (requestId == null || requestId.isEmpty()) {
            return responses.errorPage(400, NO_REQUEST);
        }
        return responses.render(giveConsent.page(requestId, StepResponses.sessionCookie(headers).orElse(""),
                StepResponses.flowCookie(headers).orElse("")));
    }

    /** A submitted consent form. */
    @POST
    public Response submit(@Context HttpHeaders headers, InputStream body) {
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
        String decision = form.getOrDefault("decision", "");
        if (!decision.equals("allow") && !decision.equals("deny")) {
            return responses.errorPage(400, NO_DECISION);
        }
        return responses.render(giveConsent.decide(new ConsentDecision(requestId, form.getOrDefault("csrf_token", ""),
                decision.equals("allow"), StepResponses.sessionCookie(headers), StepResponses.flowCookie(headers))));
    }
}
