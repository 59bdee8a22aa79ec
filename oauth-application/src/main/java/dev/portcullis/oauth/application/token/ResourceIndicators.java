package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.port.ResourceServerRepository;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides the audience of access tokens from the registered resource servers (RFC 8707, RFC 9068
 * §3): every resource that owns one of the granted scopes; only the one named by the
 * {@code resource} parameter when the client names one; the server's default audience when no
 * resource is reached. The resource list is read at most once per {@link #CACHE_TTL}, so a
 * change reaches the token endpoint within that time. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 §2</a>
 */
public final class ResourceIndicators {

    /** How long the list of resources read from the repository is used. */
    public static final Duration CACHE_TTL = Duration.ofSeconds(5);

    /** RFC 8707 §2: not an absolute URI, or one with a fragment. */
    public static final String MALFORMED = "The resource parameter must be an absolute URI without a fragment.";
    /** RFC 8707 §2: no resource server has that identifier. */
    public static final String UNKNOWN = "The resource is unknown.";
    /** RFC 8707 §2: the granted scope gives no access to the resource. */
    public static final String NOT_REACHED = "The granted scope does not include any scope of the resource.";

    /** RFC 8707 §2.2: the grant was restricted to another resource. */
    public static final String NOT_GRANTED = "The resource is not the one the grant was issued for.";

    private final ResourceServerRepository resources;
    private final String defaultAudience;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.MIN);

    /** How many distinct granted scopes a snapshot remembers the audience of. */
    private static final int MAX_AUDIENCES = 1024;

    /**
     * The resources as read at {@code readAt}, and the audience each granted scope reached among
     * them, computed once per scope and snapshot rather than on every token request.
     */
    private record Snapshot(List<ResourceServer> resources, Instant readAt, Map<ScopeSet, List<String>> audiences) {

        Snapshot(List<ResourceServer> resources, Instant readAt) {
            this(resources, readAt, new ConcurrentHashMap<>());
        }
    }

    /**
     * @param resources       the registered resource servers
     * @param defaultAudience the {@code aud} of tokens that reach no resource
     * @param clock           the source of "now" for the cache
     */
    public ResourceIndicators(ResourceServerRepository resources, String defaultAudience, Clock clock) {
        this.resources = Objects.requireNonNull(resources, "resources");
        this.defaultAudience = Objects.requireNonNull(defaultAudience, "defaultAudience");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Parses a {@code resource} parameter value.
     *
     * @throws OAuthException {@code invalid_target} when it is not an absolute URI without a
     *                        fragment (RFC 8707 §2)
     */
    public static URI parse(String value) {
        Objects.requireNonNull(value, "value");
        try {
            URI uri = new URI(value);
            if (ResourceServer.isValidIdentifier(uri)) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below with the same error as any other malformed value
        }
        throw new OAuthException(new OAuthError(StandardErrorCode.INVALID_TARGET, MALFORMED), "malformed resource parameter");
    }

    /**
     * Checks that {@code requested} is a registered resource.
     *
     * @throws OAuthException {@code invalid_target} when it is not (RFC 8707 §2)
     */
    public ResourceServer requireKnown(URI requested) {
        Objects.requireNonNull(requested, "requested");
        return current().stream().filter(resource -> resource.identifier().toString().equals(requested.toString()))
                .findFirst()
                .orElseThrow(() -> new OAuthException(new OAuthError(StandardErrorCode.INVALID_TARGET, UNKNOWN),
                        "unknown resource " + requested));
    }

    /**
     * The {@code aud} values of a token granted {@code granted}.
     *
     * @param granted   the token's scope
     * @param requested the {@code resource} the client named; empty when it named none
     * @return the requested resource alone; else every resource reached by {@code granted}, ordered
     *         by identifier; else the default audience
     * @throws OAuthException {@code invalid_target} when the requested resource is unknown or
     *                        {@code granted} reaches it with none of its scopes (RFC 8707 §2)
     */
    public List<String> audience(ScopeSet granted, Optional<URI> requested) {
        Objects.requireNonNull(granted, "granted");
        Objects.requireNonNull(requested, "requested");
        if (requested.isPresent()) {
            ResourceServer resource = requireKnown(requested.get());
            if (!resource.isReachedBy(granted)) {
                throw new OAuthException(new OAuthError(StandardErrorCode.INVALID_TARGET, NOT_REACHED),
                        "granted scope does not reach resource " + resource.identifier());
            }
            return List.of(resource.identifier().toString());
        }
        Snapshot seen = fresh();
        List<String> known = seen.audiences().get(granted);
        if (known != null) {
            return known;
        }
        List<String> reached = seen.resources().stream().filter(resource -> resource.isReachedBy(granted))
                .map(resource -> resource.identifier().toString()).sorted().toList();
        List<String> audience = reached.isEmpty() ? List.of(defaultAudience) : reached;
        if (seen.audiences().size() < MAX_AUDIENCES) {
            seen.audiences().put(granted, audience);
        }
        return audience;
    }

    /** The registered resources; read again when the cached list is older than {@link #CACHE_TTL}. */
    public List<ResourceServer> current() {
        return fresh().resources();
    }

    private Snapshot fresh() {
        Instant now = Instant.now(clock);
        Snapshot seen = snapshot;
        if (seen.readAt().equals(Instant.MIN) || !now.isBefore(seen.readAt().plus(CACHE_TTL))
                || now.isBefore(seen.readAt())) {
            seen = new Snapshot(resources.findAll(), now);
            snapshot = seen;
        }
        return seen;
    }
}
