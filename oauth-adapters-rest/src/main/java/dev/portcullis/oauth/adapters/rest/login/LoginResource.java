package dev.portcullis.oauth.adapters.rest.login;

import dev.portcullis.oauth.adapters.rest.form.FormBodyReader;
import dev.portcullis.oauth.adapters.rest.limit.RequestRateLimiter;
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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /** The page of a sign-in refused by the request rate limit (RFC 6585 §4). */
    static final OAuthError TOO_MANY_ATTEMPTS = new OAuthError(StandardErrorCode.TEMPORARILY_UNAVAILABLE,
            "Too many sign-in attempts. Please wait a moment and try again.");

    private final SignIn signIn;
    private final StepResponses responses;
    private final FormBodyReader forms;
    private final ClientAddressResolver addresses;
    private final List<RequestRateLimiter> perUsername;
    private final List<RequestRateLimiter> perAddress;

    public LoginResource(SignIn signIn, StepResponses responses, FormBodyReader forms, ClientAddressResolver addresses) {
        this(signIn, responses, forms, addresses, List.of(), List.of());
    }

    /**
     * A login page that also limits the rate of submitted forms, successful or not, per username
     * and per client address; failed attempts are limited by {@link SignIn} besides.
     */
    public LoginResource(SignIn signIn, StepResponses responses, FormBodyReader forms, ClientAddressResolver addresses,
                         RequestRateLimiter perUsername, RequestRateLimiter perAddress) {
        this(signIn, responses, forms, addresses, List.of(perUsername), List.of(perAddress));
    }

    private LoginResource(SignIn signIn, StepResponses responses, FormBodyReader forms, ClientAddressResolver addresses,
                          List<RequestRateLimiter> perUsername, List<RequestRateLimiter> perAddress) {
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.responses = Objects.requireNonNull(responses, "responses");
        this.forms = Objects.requireNonNull(forms, "forms");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.perUsername = perUsername;
        this.perAddress = perAddress;
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
        Optional<String> address = addresses.address(request);
        String username = form.getOrDefault("username", "");
        Optional<Duration> wait = limited(username.toLowerCase(Locale.ROOT), address);
        if (wait.isPresent()) {
            return Response.fromResponse(responses.errorPage(429, TOO_MANY_ATTEMPTS))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(RequestRateLimiter.retryAfterSeconds(wait.get())))
                    .build();
        }
        return responses.render(signIn.signIn(new LoginAttempt(requestId, form.getOrDefault("csrf_token", ""),
                StepResponses.flowCookie(headers), username, form.getOrDefault("password", ""), address)));
    }

    /** Takes a permit per username and per address; the longest wait when either is used up. */
    private Optional<Duration> limited(String username, Optional<String> address) {
        Optional<Duration> wait = Optional.empty();
        for (RequestRateLimiter limiter : perUsername) {
            if (!username.isEmpty()) {
                wait = limiter.acquire(username);
            }
        }
        for (RequestRateLimiter limiter : perAddress) {
            if (address.isPresent()) {
                Optional<Duration> byAddress = limiter.acquire(address.get());
                if (byAddress.isPresent() && (wait.isEmpty() || byAddress.get().compareTo(wait.get()) > 0)) {
                    wait = byAddress;
                }
            }
        }
        return wait;
    }
}
