package dev.portcullis.oauth.adapters.rest.identity;

import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link IdentityBackend} that asks an external identity service over HTTP (DESIGN.md, "Users:
 * the Identity Backend port"). The contract, relative to {@link HttpIdentityBackendSettings#baseUri()};
 * every request carries {@code Accept: application/json} and, when configured, the
 * {@code Authorization} header:
 * <pre>
 * POST {base}/authenticate
 *   Content-Type: application/json
 *   {"username": "alice", "password": "..."}
 *   → 200 {"sub": "248289761001", "claims": {"name": "Alice", "email": "alice@example.com"}}
 *   → 401 or 404 (any body): unknown user or wrong password; the two are not told apart
 *
 * GET {base}/users/{sub}              ({sub} percent-encoded as one path segment)
 *   → 200 {"sub": "248289761001", "claims": {...}}    (sub must be the one asked for)
 *   → 404 (any body): no such user (any more)
 * </pre>
 * {@code sub} is 1 to 255 visible ASCII characters (OIDC Core §2). {@code claims} is an object of
 * OIDC claims (strings, numbers, booleans, arrays, objects); it may be absent; a {@code null} claim
 * is left out; a {@code claims.sub}, if present, must equal {@code sub}. Any other answer is an
 * outage: another status (the service must answer a bad {@code Authorization} with 403, not 401),
 * a redirect (never followed), a body that is not such a document or is over 64 KiB, a connection
 * failure or a timeout. An outage is a
 * {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}: the caller issues nothing.
 *
 * <p>Resilience4j, inside this adapter only: each attempt must finish within
 * {@link HttpIdentityBackendSettings#timeout()}; {@code GET /users/{sub}} is retried (idempotent),
 * {@code POST /authenticate} never is (a password check is not repeated); a circuit breaker opens
 * after too many failures, answers at once while open, and after its wait lets trial calls through
 * so that it recovers by itself; a bulkhead bounds the calls in flight so that a slow service
 * cannot hold every request thread. Passwords, the {@code Authorization} value and response bodies
 * are never logged. Thread-safe.
 */
public final class HttpIdentityBackend implements IdentityBackend {

    /** Longest response body read; longer ones are an outage. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpIdentityBackend.class);

    private final HttpIdentityBackendSettings settings;
    private final HttpClient client;
    private final IdentityServiceGuard guard;
    private final String base;

    /**
     * @param settings where and how to call the identity service
     * @param clock    the circuit breaker's clock (its open-state wait)
     */
    public HttpIdentityBackend(HttpIdentityBackendSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.guard = new IdentityServiceGuard(settings, Objects.requireNonNull(clock, "clock"));
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String uri = settings.baseUri().toString();
        this.base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    @Override
    public Optional<UserClaims> verifyPassword(Username username, Password password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        HttpRequest request = request("/authenticate")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(IdentityJson.credentials(username, password)))
                .build();
        // Not retried: a password check is not repeated behind the user's back.
        Optional<UserClaims> user = guard.call(false, () -> send(request), response -> {
            int status = response.statusCode();
            if (status == 401 || status == 404) {
                return Optional.empty();
            }
            return Optional.of(accepted("POST /authenticate", response));
        });
        user.ifPresentOrElse(found -> LOG.debug("identity backend accepted a password: sub={}", found.subject()),
                () -> LOG.debug("identity backend refused a password"));
        return user;
    }

    @Override
    public Optional<UserClaims> claims(Subject subject) {
        Objects.requireNonNull(subject, "subject");
        HttpRequest request = request("/users/" + pathSegment(subject.value())).GET().build();
        return guard.call(true, () -> send(request), response -> {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            UserClaims user = accepted("GET /users/{sub}", response);
            if (!user.subject().equals(subject)) {
                throw new UnexpectedResponseException("GET /users/{sub} answered another sub");
            }
            return Optional.of(user);
        });
    }

    /**
     * The circuit breaker's state: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. It stays
     * {@code OPEN} past its wait until the next call tries the service, so a readiness check should
     * report it rather than take the instance out of rotation for it.
     */
    public String circuitState() {
        return guard.circuitState();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(settings.timeout())
                .header("Accept", "application/json");
        settings.authorization().ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request) {
        return client.sendAsync(request, BoundedBody.handler(MAX_BODY_BYTES));
    }

    private static UserClaims accepted(String call, HttpResponse<byte[]> response) throws UnexpectedResponseException {
        if (response.statusCode() != 200) {
            throw new UnexpectedResponseException(call + " answered status " + response.statusCode());
        }
        return IdentityJson.user(response.body());
    }

    /** RFC 3986 §3.3: everything but unreserved characters percent-encoded, so {@code /} stays in the segment. */
    static String pathSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            }
        }
        return encoded.toString();
    }
}
