package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.memory.InMemoryAuthorizationCodeRepository;
import dev.portcullis.oauth.application.memory.InMemoryBrowserSessionRepository;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryConsentRepository;
import dev.portcullis.oauth.application.memory.InMemoryResourceServerRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.server.RecordingUnitOfWork;
import dev.portcullis.oauth.application.token.ResourceIndicators;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.client.ClientBuilder;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import java.net.URI;
import java.security.SecureRandom;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization use cases on in-memory stores, a movable clock and one user
 * ({@link #USERNAME}/{@link #PASSWORD}, subject {@link #SUBJECT}). Clients come from
 * {@link TestClients}. Not thread-safe.
 */
final class TestFlows {

    static final URI ISSUER = URI.create("https://as.example.com");
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final String USERNAME = "alice";
    static final String PASSWORD = "correct horse";
    static final Subject SUBJECT = new Subject("user-1");
    /** The flow cookie of the test's browser, sent by {@link #authorize} and every later step. */
    static final String FLOW = "flow-cookie-of-the-test-browser";
    /** 43 characters: a valid S256 challenge shape. */
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    final MutableClock clock = new MutableClock(NOW);
    /** What the use cases published, in order. */
    final List<OAuthEvent> events = new CopyOnWriteArrayList<>();
    final InMemoryClientRepository clients = new InMemoryClientRepository();
    final InMemoryScopeRepository scopes = new InMemoryScopeRepository();
    final InMemoryConsentRepository consents = new InMemoryConsentRepository();
    final InMemoryAuthorizationCodeRepository codes = new InMemoryAuthorizationCodeRepository();
    final InMemoryBrowserSessionRepository sessions = new InMemoryBrowserSessionRepository();
    final InMemoryPendingAuthorizationStore pending = new InMemoryPendingAuthorizationStore(clock, 10_000);
    final InMemoryResourceServerRepository resources = new InMemoryResourceServerRepository();
    /** Runs the flows' units of work directly and counts them. */
    final RecordingUnitOfWork units = new RecordingUnitOfWork();
    boolean identityDown;
    final AuthorizationFlow flow;
    final Authorize authorize;
    final SignIn signIn;
    final GiveConsent giveConsent;

    TestFlows() {
        clients.save(TestClients.confidential().build());
        clients.save(TestClients.publicClient().build());
        scopes.save(new ScopeDefinition(new Scope("openid"), "Sign you in"));
        scopes.save(new ScopeDefinition(new Scope("read"), "Read your data"));
        flow = new AuthorizationFlow(ISSUER, clients, scopes, consents, codes, sessions, pending,
                new SecureRandomTokenValueGenerator(new SecureRandom()), clock, Duration.ofHours(8),
                new ResourceIndicators(resources, ISSUER.toString(), clock), units);
        authorize = new Authorize(flow);
        signIn = new SignIn(flow, new Identities(), LoginLimits.DEFAULTS, events::add);
        giveConsent = new GiveConsent(flow, events::add);
    }

    TestFlows client(ClientBuilder builder) {
        clients.save(builder.build());
        return this;
    }

    /** An authorization request of name, value pairs, from a browser with {@code cookie} and {@link #FLOW}. */
    static AuthorizationEndpointRequest request(Optional<String> cookie, String... pairs) {
        return request(cookie, Optional.of(FLOW), pairs);
    }

    /** An authorization request of name, value pairs; a name given twice is repeated. */
    static AuthorizationEndpointRequest request(Optional<String> cookie, Optional<String> flowCookie, String... pairs) {
        Map<String, List<String>> parameters = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.merge(pairs[i], List.of(pairs[i + 1]), (a, b) -> {
                List<String> all = new java.util.ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
        return new AuthorizationEndpointRequest(parameters, cookie, flowCookie);
    }

    /** A valid request of the confidential client with S256, plus {@code extra} pairs. */
    static String[] valid(String... extra) {
        String[] base = {"client_id", "confidential-client", "redirect_uri", TestClients.REDIRECT_URI.toString(),
                "response_type", "code", "state", "xyz", "code_challenge", CHALLENGE, "code_challenge_method", "S256"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    AuthorizationStep authorize(String... pairs) {
        return authorize.authorize(request(Optional.empty(), pairs));
    }

    AuthorizationStep authorizeWithCookie(String cookie, String... pairs) {
        return authorize.authorize(request(Optional.of(cookie), pairs));
    }

    /** A request from a browser that has no flow cookie yet. */
    AuthorizationStep authorizeInNewBrowser(String... pairs) {
        return authorize.authorize(request(Optional.empty(), Optional.empty(), pairs));
    }

    /** Starts a request, signs in, and returns what followed with the session cookie value. */
    AuthorizationStep.SignedIn signInThrough(String... pairs) {
        AuthorizationStep.Interaction login = (AuthorizationStep.Interaction) authorize(pairs);
        AuthorizationStep.LoginPage page = (AuthorizationStep.LoginPage) signIn.page(login.requestId(), FLOW);
        return (AuthorizationStep.SignedIn) signIn.signIn(new LoginAttempt(login.requestId(), page.csrfToken(),
                Optional.of(FLOW), USERNAME, PASSWORD, Optional.of("192.0.2.1")));
    }

    private final class Identities implements IdentityBackend {
        @Override
        public Optional<UserClaims> verifyPassword(Username username, Password password) {
            if (identityDown) {
                throw new ServiceUnavailableException("identity backend", new java.io.IOException("down"));
            }
            return username.value().equals(USERNAME) && password.value().equals(PASSWORD)
                    ? Optional.of(new UserClaims(SUBJECT, Map.of())) : Optional.empty();
        }

        @Override
        public Optional<UserClaims> claims(Subject subject) {
            return Optional.empty();
        }
    }
}
