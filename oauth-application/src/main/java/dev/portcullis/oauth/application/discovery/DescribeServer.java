package dev.portcullis.oauth.application.discovery;

import dev.portcullis.oauth.application.grant.GrantHandlerRegistry;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.AssertionSigningAlgorithm;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.StandardClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Authorization server metadata (RFC 8414 §2), generated from what is enabled: nothing is
 * advertised that the server does not do. The same document is served as OpenID Provider
 * metadata (OIDC Discovery 1.0 §3). Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-2">RFC 8414 §2</a>
 */
public final class DescribeServer {

    /**
     * How long a generated document is served when the server was given a clock: a scope defined
     * or removed is advertised within this time (clients cache it for a minute anyway).
     */
    public static final Duration CACHE_TTL = Duration.ofSeconds(5);

    /** The path of the userinfo endpoint (OIDC Core §5.3). */
    static final String USERINFO_PATH = "/userinfo";
    /** The path of the end-session endpoint (OIDC RP-Initiated Logout §2.1). */
    static final String END_SESSION_PATH = "/logout";
    /** The path of the introspection endpoint (RFC 7662 §2). */
    static final String INTROSPECTION_PATH = "/introspect";
    /** The path of the revocation endpoint (RFC 7009 §2). */
    static final String REVOCATION_PATH = "/revoke";

    /** RFC 6749 §2.3.1: the methods the token endpoint accepts today. */
    private static final List<String> AUTH_METHODS = List.of(
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC.value(),
            ClientAuthenticationMethod.CLIENT_SECRET_POST.value(),
            ClientAuthenticationMethod.PRIVATE_KEY_JWT.value(),
            ClientAuthenticationMethod.CLIENT_SECRET_JWT.value());

    private static final List<String> AUTH_METHODS_WITH_NONE = List.of(
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC.value(),
            ClientAuthenticationMethod.CLIENT_SECRET_POST.value(),
            ClientAuthenticationMethod.PRIVATE_KEY_JWT.value(),
            ClientAuthenticationMethod.CLIENT_SECRET_JWT.value(),
            ClientAuthenticationMethod.NONE.value());

    /** RFC 8414 §2, OIDC Core §9: every algorithm an assertion may be signed with; never "none". */
    private static final List<String> AUTH_SIGNING_ALGORITHMS = Arrays.stream(AssertionSigningAlgorithm.values())
            .map(AssertionSigningAlgorithm::jwsName).toList();

    /** OIDC Core §2, §3.1.3.6 and Front-Channel Logout §3: the claims an ID token may carry. */
    private static final List<String> ID_TOKEN_CLAIMS = List.of(
            "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "at_hash", "sid");

    private final ServerSettings settings;
    private final GrantHandlerRegistry grants;
    private final ScopeRepository scopes;
    private final boolean userinfoServed;
    private final boolean endSessionServed;
    private final boolean tokenManagementServed;
    private final Optional<Clock> clock;
    private volatile Document cached = new Document(Map.of(), Instant.MIN);

    /** A generated document and when it was generated. */
    private record Document(Map<String, Object> metadata, Instant generatedAt) {
    }

    /** Metadata of a server that serves neither userinfo nor RP-initiated logout. */
    public DescribeServer(ServerSettings settings, GrantHandlerRegistry grants, ScopeRepository scopes) {
        this(settings, grants, scopes, false, false);
    }

    /**
     * @param userinfoServed   whether {@code /userinfo} is served (OIDC Core §5.3), so that
     *                         {@code userinfo_endpoint} and the claims of the standard scopes are advertised
     * @param endSessionServed whether {@code /logout} is served (OIDC RP-Initiated Logout §2.1), so
     *                         that {@code end_session_endpoint} is advertised
     */
    public DescribeServer(ServerSettings settings, GrantHandlerRegistry grants, ScopeRepository scopes,
                          boolean userinfoServed, boolean endSessionServed) {
        this(settings, grants, scopes, userinfoServed, endSessionServed, false, Optional.empty());
    }

    /**
     * @param tokenManagementServed whether {@code /introspect} (RFC 7662) and {@code /revoke}
     *                              (RFC 7009) are served, so that their endpoints, client
     *                              authentication methods and the JWT response algorithm (RFC 9701
     *                              §7) are advertised (RFC 8414 §2)
     */
    public DescribeServer(ServerSettings settings, GrantHandlerRegistry grants, ScopeRepository scopes,
                          boolean userinfoServed, boolean endSessionServed, boolean tokenManagementServed) {
        this(settings, grants, scopes, userinfoServed, endSessionServed, tokenManagementServed, Optional.empty());
    }

    /**
     * Like {@link #DescribeServer(ServerSettings, GrantHandlerRegistry, ScopeRepository, boolean,
     * boolean, boolean)}, generating the document at most once per {@link #CACHE_TTL} by
     * {@code clock}: the scope list comes from the database, and discovery is fetched by every
     * client at every start.
     */
    public DescribeServer(ServerSettings settings, GrantHandlerRegistry grants, ScopeRepository scopes,
                          boolean userinfoServed, boolean endSessionServed, boolean tokenManagementServed,
                          Clock clock) {
        this(settings, grants, scopes, userinfoServed, endSessionServed, tokenManagementServed,
                Optional.of(Objects.requireNonNull(clock, "clock")));
    }

    private DescribeServer(ServerSettings settings, GrantHandlerRegistry grants, ScopeRepository scopes,
                           boolean userinfoServed, boolean endSessionServed, boolean tokenManagementServed,
                           Optional<Clock> clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.userinfoServed = userinfoServed;
        this.endSessionServed = endSessionServed;
        this.tokenManagementServed = tokenManagementServed;
        this.clock = clock;
    }

    /**
     * The metadata document as a JSON object: String, Boolean, List and Map values only, in a stable order.
     */
    public Map<String, Object> metadata() {
        if (clock.isEmpty()) {
            return generate();
        }
        Instant now = Instant.now(clock.get());
        Document seen = cached;
        if (seen.generatedAt().equals(Instant.MIN) || !now.isBefore(seen.generatedAt().plus(CACHE_TTL))
                || now.isBefore(seen.generatedAt())) {
            seen = new Document(Collections.unmodifiableMap(generate()), now);
            cached = seen;
        }
        return seen.metadata();
    }

    private Map<String, Object> generate() {
        // The authorization endpoint is served exactly when its codes can be redeemed.
        boolean codeFlow = grants.find(GrantType.AUTHORIZATION_CODE).isPresent();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", settings.issuer().toString());
        if (codeFlow) {
            metadata.put("authorization_endpoint", settings.endpoint("/authorize").toString());
        }
        metadata.put("token_endpoint", settings.endpoint("/token").toString());
        metadata.put("jwks_uri", settings.endpoint("/jwks").toString());
        metadata.put("scopes_supported", scopes.findAll().stream().map(d -> d.scope().value()).toList());
        // RFC 8414 §2: REQUIRED; empty while no authorization endpoint is served.
        metadata.put("response_types_supported", codeFlow ? List.of("code") : List.of());
        if (codeFlow) {
            // OAuth 2.0 Multiple Response Type Encoding Practices §2.1, OAuth 2.0 Form Post Response Mode §2.
            metadata.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        }
        metadata.put("grant_types_supported", grants.grantTypes().stream().map(GrantType::value).toList());
        // RFC 7591 §2: public clients ("none") authenticate with PKCE only, at the code grant.
        metadata.put("token_endpoint_auth_methods_supported", codeFlow ? AUTH_METHODS_WITH_NONE : AUTH_METHODS);
        metadata.put("token_endpoint_auth_signing_alg_values_supported", AUTH_SIGNING_ALGORITHMS);
        if (codeFlow) {
            // RFC 9700 §2.1.1: S256 only is advertised; plain is a per-client exception.
            metadata.put("code_challenge_methods_supported", List.of("S256"));
            // RFC 9207 §3: every authorization response carries iss.
            metadata.put("authorization_response_iss_parameter_supported", true);
            putOpenIdMetadata(metadata);
        }
        if (tokenManagementServed) {
            putTokenManagementMetadata(metadata);
        }
        return metadata;
    }

    /**
     * RFC 8414 §2 and RFC 9701 §7. Both endpoints authenticate clients exactly as the token endpoint
     * does, except that introspection refuses public clients (RFC 7662 §2.1), so their methods are
     * derived from the token endpoint's.
     */
    private void putTokenManagementMetadata(Map<String, Object> metadata) {
        @SuppressWarnings("unchecked")
        List<String> tokenMethods = (List<String>) metadata.get("token_endpoint_auth_methods_supported");
        Object tokenAlgorithms = metadata.get("token_endpoint_auth_signing_alg_values_supported");
        metadata.put("introspection_endpoint", settings.endpoint(INTROSPECTION_PATH).toString());
        metadata.put("introspection_endpoint_auth_methods_supported", tokenMethods.stream()
                .filter(method -> !ClientAuthenticationMethod.NONE.value().equals(method)).toList());
        if (tokenAlgorithms != null) {
            metadata.put("introspection_endpoint_auth_signing_alg_values_supported", tokenAlgorithms);
        }
        // RFC 9701 §7: JWT responses are signed with the server's default algorithm.
        metadata.put("introspection_signing_alg_values_supported", List.of(settings.signingAlgorithm().jwsName()));
        metadata.put("revocation_endpoint", settings.endpoint(REVOCATION_PATH).toString());
        metadata.put("revocation_endpoint_auth_methods_supported", tokenMethods);
        if (tokenAlgorithms != null) {
            metadata.put("revocation_endpoint_auth_signing_alg_values_supported", tokenAlgorithms);
        }
    }

    /** OIDC Discovery 1.0 §3: what an OpenID Provider serves, from the code flow on. */
    private void putOpenIdMetadata(Map<String, Object> metadata) {
        if (userinfoServed) {
            metadata.put("userinfo_endpoint", settings.endpoint(USERINFO_PATH).toString());
        }
        if (endSessionServed) {
            metadata.put("end_session_endpoint", settings.endpoint(END_SESSION_PATH).toString());
        }
        // OIDC Core §8: every user has one sub for all clients; pairwise is not implemented.
        metadata.put("subject_types_supported", List.of("public"));
        // OIDC Discovery §3: RS256 MUST be listed; every enabled algorithm can sign ID tokens.
        metadata.put("id_token_signing_alg_values_supported", enabledAlgorithms().stream()
                .map(SigningAlgorithm::jwsName).toList());
        metadata.put("claims_supported", claimsSupported());
        // OIDC Core §5.5: the claims parameter is honoured where the user's claims can be read (the
        // server that serves userinfo has an Identity Backend); §6: request objects are not supported.
        metadata.put("claims_parameter_supported", userinfoServed);
        metadata.put("request_parameter_supported", false);
        metadata.put("request_uri_parameter_supported", false);
    }

    /** In declaration order, RS256 first. */
    private EnumSet<SigningAlgorithm> enabledAlgorithms() {
        EnumSet<SigningAlgorithm> algorithms = EnumSet.of(settings.signingAlgorithm());
        algorithms.addAll(settings.enabledSigningAlgorithms());
        return algorithms;
    }

    /** The ID token's claims, and the claims of the defined standard scopes that userinfo releases (OIDC Core §5.4). */
    private List<String> claimsSupported() {
        List<String> claims = new ArrayList<>(ID_TOKEN_CLAIMS);
        if (userinfoServed) {
            ScopeSet defined = new ScopeSet(scopes.findAll().stream().map(ScopeDefinition::scope)
                    .collect(Collectors.toSet()));
            StandardClaims.claimsOf(defined).stream().sorted().forEach(claims::add);
        }
        return claims;
    }

    /** The scope definitions behind {@code scopes_supported}. */
    public List<ScopeDefinition> scopes() {
        return scopes.findAll();
    }
}
