package dev.portcullis.oauth.application.logout;

import com.nimbusds.jose.JWSAlgorithm;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.BrowserSessionRepository;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.TokenValueGenerator;
import dev.portcullis.oauth.domain.session.BrowserSession;
import dev.portcullis.oauth.domain.token.TokenHash;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-session endpoint (OIDC RP-Initiated Logout 1.0): ends the browser's session and sends it
 * back to the relying party or to a "signed out" page. Thread-safe.
 *
 * <ul>
 *   <li>An {@code id_token_hint} must be a valid ID token of this server; an expired one is accepted (§2).
 *       A {@code client_id} sent with it must be one of its audiences (§2).</li>
 *   <li>A {@code post_logout_redirect_uri} needs a known client, from {@code client_id} or the hint's
 *       single audience, and must equal one of its {@code post_logout_redirect_uris} exactly (§3).
 *       Every refusal is an error page, never a redirect.</li>
 *   <li>With a valid hint the request comes from the relying party and the session ends at once. Without
 *       one the user confirms first (§2), in a form guarded by a double-submit CSRF token.</li>
 *   <li>The browser's own session is ended even when the hint's {@code sid} names another session: the
 *       browser asking to be signed out is the user's, and keeping its session would leave the user
 *       signed in after "log out". The mismatch is logged.</li>
 * </ul>
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html">OIDC RP-Initiated Logout 1.0</a>
 */
public final class EndSession {

    /** §2: the hint is not an ID token this server issued. */
    public static final String INVALID_HINT = "The id_token_hint is not a valid ID token of this server.";
    /** The {@code client_id} names no registered client. */
    public static final String UNKNOWN_CLIENT = "The client_id is not a registered client.";
    /** §2: the {@code client_id} must be an audience of the hint. */
    public static final String CLIENT_MISMATCH = "The client_id is not an audience of the id_token_hint.";
    /** §3: a redirect needs to know whose registered URIs to check. */
    public static final String NO_CLIENT = "The post_logout_redirect_uri needs a client_id or an id_token_hint.";
    /** §3: the URI must have been registered by the client. */
    public static final String UNREGISTERED_URI = "The post_logout_redirect_uri is not registered for the client.";

    private static final Logger LOG = LoggerFactory.getLogger(EndSession.class);
    private static final String CSRF_TOKEN = "csrf_token";
    private static final String CLIENT_ID = "client_id";
    private static final String REDIRECT_URI = "post_logout_redirect_uri";
    private static final String STATE = "state";

    private final IdTokenHintVerifier hints;
    private final ClientRepository clients;
    private final BrowserSessionRepository sessions;
    private final TokenValueGenerator values;

    /**
     * @param settings the issuer and the algorithms the server signs with
     * @param ring     the server's keys; hints are verified against its published JWK set
     * @param clients  the registrations holding {@code post_logout_redirect_uris}
     * @param sessions the browser sessions to end
     * @param values   the source of confirmation CSRF tokens
     */
    public EndSession(ServerSettings settings, SigningKeyRing ring, ClientRepository clients,
                      BrowserSessionRepository sessions, TokenValueGenerator values) {
        Objects.requireNonNull(settings, "settings");
        this.hints = new IdTokenHintVerifier(settings.issuer().toString(), settings.enabledSigningAlgorithms().stream()
                .map(SigningAlgorithm::jwsName).map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet()), ring);
        this.clients = Objects.requireNonNull(clients, "clients");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.values = Objects.requireNonNull(values, "values");
    }

    /**
     * Serves one logout request.
     *
     * @return {@link LogoutStep.ErrorPage} for an invalid hint, client or redirect URI;
     *         {@link LogoutStep.Confirm} without a hint before the user confirmed;
     *         {@link LogoutStep.CsrfRejected} for a confirmation without its cookie's token;
     *         else {@link LogoutStep.SignedOut}, the session (if any) ended
     * @throws dev.portcullis.oauth.domain.error.ServiceUnavailableException when a store cannot answer
     */
    public LogoutStep endSession(LogoutRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<String> sentHint = request.parameter("id_token_hint");
        Optional<IdTokenHint> hint = sentHint.flatMap(hints::verify);
        if (sentHint.isPresent() && hint.isEmpty()) {
            return refused(INVALID_HINT);
        }
        Optional<String> clientId = request.parameter(CLIENT_ID);
        if (clientId.isPresent() && hint.isPresent() && !hint.get().audience().contains(clientId.get())) {
            return refused(CLIENT_MISMATCH);
        }
        Optional<Client> client;
        try {
            client = clientId.or(() -> hint.filter(h -> h.audience().size() == 1).map(h -> h.audience().get(0)))
                    .flatMap(id -> clients.findById(new ClientId(id)));
        } catch (IllegalArgumentException e) {
            return refused(UNKNOWN_CLIENT);
        }
        if (clientId.isPresent() && client.isEmpty()) {
            return refused(UNKNOWN_CLIENT);
        }
        Optional<URI> redirect = Optional.empty();
        Optional<String> requested = request.parameter(REDIRECT_URI);
        if (requested.isPresent()) {
            if (client.isEmpty()) {
                return refused(NO_CLIENT);
            }
            redirect = registered(client.get(), requested.get());
            if (redirect.isEmpty()) {
                return refused(UNREGISTERED_URI);
            }
        }
        if (hint.isEmpty()) {
            Optional<LogoutStep> unconfirmed = confirmation(request);
            if (unconfirmed.isPresent()) {
                return unconfirmed.get();
            }
        }
        end(request.sessionCookie(), hint.flatMap(IdTokenHint::sid));
        return new LogoutStep.SignedOut(redirect.map(uri -> withState(uri, request.parameter(STATE))),
                request.sessionCookie().isPresent());
    }

    // §3: an exact match with a registered URI, compared as strings, no normalisation.
    private static Optional<URI> registered(Client client, String requested) {
        return client.postLogoutRedirectUris().stream().filter(uri -> uri.toString().equals(requested)).findFirst();
    }

    /** §2: without a hint the user is asked; empty once the confirmation form came back with its token. */
    private Optional<LogoutStep> confirmation(LogoutRequest request) {
        Optional<String> sent = request.parameter(CSRF_TOKEN);
        if (sent.isEmpty()) {
            Map<String, String> echoed = new HashMap<>();
            for (String name : new String[] {CLIENT_ID, REDIRECT_URI, STATE}) {
                request.parameter(name).ifPresent(value -> echoed.put(name, value));
            }
            return Optional.of(new LogoutStep.Confirm(values.tokenValue(), echoed));
        }
        boolean matches = request.csrfCookie().isPresent() && MessageDigest.isEqual(
                request.csrfCookie().get().getBytes(StandardCharsets.UTF_8), sent.get().getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            LOG.debug("logout confirmation refused: csrf token does not match its cookie");
            return Optional.of(new LogoutStep.CsrfRejected());
        }
        return Optional.empty();
    }

    private void end(Optional<String> sessionCookie, Optional<String> hintSid) {
        if (sessionCookie.isEmpty()) {
            LOG.debug("logout without a browser session");
            return;
        }
        String idHash = TokenHash.of(sessionCookie.get());
        String sid = BrowserSession.sidOf(idHash);
        if (hintSid.isPresent() && !hintSid.get().equals(sid)) {
            LOG.debug("logout: id_token_hint sid differs from the browser session; ending the browser's session sid={}", sid);
        }
        boolean ended = sessions.delete(idHash);
        LOG.debug("logout: session ended={} sid={}", ended, sid);
    }

    // §3: state is added to the query component, keeping any query the registered URI has.
    private static URI withState(URI uri, Optional<String> state) {
        if (state.isEmpty()) {
            return uri;
        }
        String separator = uri.getRawQuery() == null ? "?" : "&";
        return URI.create(uri + separator + "state=" + URLEncoder.encode(state.get(), StandardCharsets.UTF_8));
    }

    private static LogoutStep refused(String description) {
        LOG.debug("logout refused: {}", description);
        return new LogoutStep.ErrorPage(new OAuthError(StandardErrorCode.INVALID_REQUEST, description));
    }
}
