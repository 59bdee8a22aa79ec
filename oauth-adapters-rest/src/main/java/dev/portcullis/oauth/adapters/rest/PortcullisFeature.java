package dev.portcullis.oauth.adapters.rest;

import dev.portcullis.oauth.adapters.rest.admin.AdminRefusalMapper;
import dev.portcullis.oauth.adapters.rest.admin.AdminResource;
import dev.portcullis.oauth.adapters.rest.authorization.AuthorizationResource;
import dev.portcullis.oauth.adapters.rest.consent.ConsentResource;
import dev.portcullis.oauth.adapters.rest.discovery.JwksResource;
import dev.portcullis.oauth.adapters.rest.discovery.MetadataResource;
import dev.portcullis.oauth.adapters.rest.error.BearerTokenExceptionMapper;
import dev.portcullis.oauth.adapters.rest.error.ErrorBodyFilter;
import dev.portcullis.oauth.adapters.rest.error.OAuthExceptionMapper;
import dev.portcullis.oauth.adapters.rest.error.RateLimitedExceptionMapper;
import dev.portcullis.oauth.adapters.rest.error.ServiceUnavailableExceptionMapper;
import dev.portcullis.oauth.adapters.rest.error.UnexpectedExceptionMapper;
import dev.portcullis.oauth.adapters.rest.error.WebApplicationExceptionMapper;
import dev.portcullis.oauth.adapters.rest.form.FormBodyReader;
import dev.portcullis.oauth.adapters.rest.introspection.IntrospectionResource;
import dev.portcullis.oauth.adapters.rest.limit.RateLimit;
import dev.portcullis.oauth.adapters.rest.limit.RequestRateLimiter;
import dev.portcullis.oauth.adapters.rest.login.ClientAddressResolver;
import dev.portcullis.oauth.adapters.rest.login.LoginResource;
import dev.portcullis.oauth.adapters.rest.logout.LogoutResource;
import dev.portcullis.oauth.adapters.rest.logout.LogoutResponses;
import dev.portcullis.oauth.adapters.rest.page.AssetResource;
import dev.portcullis.oauth.adapters.rest.page.PageRenderer;
import dev.portcullis.oauth.adapters.rest.page.StepResponses;
import dev.portcullis.oauth.adapters.rest.revocation.RevocationResource;
import dev.portcullis.oauth.adapters.rest.token.TokenResource;
import dev.portcullis.oauth.adapters.rest.tracing.RequestIdFilter;
import dev.portcullis.oauth.adapters.rest.userinfo.UserInfoResource;
import dev.portcullis.oauth.application.authorization.BrowserFlow;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Mounts the Portcullis endpoints on a JAX-RS application: the token endpoint, server metadata,
 * the JWK set, the error mappers and the request id filter, each registered as an instance built
 * here (no classpath scanning, no injection container). The standalone runtime and an embedding
 * host do the same:
 *
 * <pre>{@code
 * ResourceConfig config = new ResourceConfig()
 *         .property(ServerProperties.WADL_FEATURE_DISABLE, true)
 *         .register(new PortcullisFeature(server));
 * }</pre>
 *
 * <p>When the server serves {@code authorization_code}, the browser pages are mounted too:
 * {@code /authorize}, {@code /login}, {@code /consent} and {@code /assets/portcullis.css}. Their
 * options are set with {@link #builder(AuthorizationServer)}:
 *
 * <pre>{@code
 * PortcullisFeature feature = PortcullisFeature.builder(server)
 *         .themeDirectory(Path.of("/etc/portcullis/theme"))   // login.mustache, portcullis.css, ...
 *         .clientAddress(ClientAddressResolver.fromProperty())
 *         .build();
 * }</pre>
 *
 * <p>Paths are relative to the application root, which should be the issuer's path. Nothing here
 * needs WADL, JAXB or a JSON provider: bodies are written as bytes.
 *
 * <p>Note for embedders: exception mappers and response filters are global to the JAX-RS
 * application they are registered in. Beside the endpoints above, the catch-all
 * {@link UnexpectedExceptionMapper}, {@link WebApplicationExceptionMapper} and {@link ErrorBodyFilter}
 * turn every error of that application into an OAuth JSON error. Mount the feature in an
 * application of its own (its own context path) when the host's other resources must keep their
 * own error bodies.
 */
public final class PortcullisFeature implements Feature {

    /** The most keys (client_ids, usernames, addresses) one rate limiter tracks at once. */
    private static final int RATE_LIMIT_KEYS = 100_000;

    private final AuthorizationServer server;
    private final PageRenderer pages;
    private final ClientAddressResolver addresses;
    private final RateLimits limits;

    /** @param server the protocol core whose use cases the endpoints call; built-in pages */
    public PortcullisFeature(AuthorizationServer server) {
        this(server, PageRenderer.builtIn(), ClientAddressResolver.fromProperty(), RateLimits.NONE);
    }

    private PortcullisFeature(AuthorizationServer server, PageRenderer pages, ClientAddressResolver addresses,
                              RateLimits limits) {
        this.server = Objects.requireNonNull(server, "server");
        this.pages = pages;
        this.addresses = addresses;
        this.limits = limits;
    }

    /** The request rate limits chosen on the builder; each empty when off. */
    private record RateLimits(Optional<Clock> clock, Optional<RateLimit> perClient, Optional<RateLimit> perUsername,
                              Optional<RateLimit> perAddress) {
        static final RateLimits NONE = new RateLimits(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        Optional<RequestRateLimiter> limiter(Optional<RateLimit> limit) {
            return limit.map(l -> new RequestRateLimiter(clock.orElseThrow(), l, RATE_LIMIT_KEYS));
        }
    }

    /** A builder for a feature with options for the browser pages. */
    public static Builder builder(AuthorizationServer server) {
        return new Builder(server);
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new RequestIdFilter());
        FormBodyReader tokenForms = new FormBodyReader(FormBodyReader.DEFAULT_MAX_BYTES);
        context.register(limits.limiter(limits.perClient())
                .map(perClient -> new TokenResource(server.issueToken(), tokenForms, perClient))
                .orElseGet(() -> new TokenResource(server.issueToken(), tokenForms)));
        context.register(new MetadataResource(server.describeServer()));
        context.register(new JwksResource(server.publishKeys()));
        Optional<BrowserFlow> browser = server.browserFlow();
        if (browser.isPresent()) {
            FormBodyReader forms = new FormBodyReader(FormBodyReader.DEFAULT_MAX_BYTES);
            StepResponses responses = new StepResponses(pages, server.settings().issuer());
            context.register(new AuthorizationResource(browser.get().authorize(), responses));
            Optional<RequestRateLimiter> perUsername = limits.limiter(limits.perUsername());
            Optional<RequestRateLimiter> perAddress = limits.limiter(limits.perAddress());
            context.register(perUsername.isPresent() && perAddress.isPresent()
                    ? new LoginResource(browser.get().signIn(), responses, forms, addresses, perUsername.get(),
                            perAddress.get())
                    : new LoginResource(browser.get().signIn(), responses, forms, addresses));
            context.register(new ConsentResource(browser.get().giveConsent(), responses, forms));
            context.register(new AssetResource(pages));
            server.endSession().ifPresent(endSession -> context.register(new LogoutResource(endSession,
                    new LogoutResponses(pages, server.settings().issuer()), forms)));
        }
        server.getUserInfo().ifPresent(userInfo -> context.register(new UserInfoResource(userInfo,
                server.settings().issuer().toString(), new FormBodyReader(FormBodyReader.DEFAULT_MAX_BYTES))));
        server.adminApi().ifPresent(admin -> {
            context.register(new AdminResource(admin));
            context.register(new AdminRefusalMapper());
        });
        // RFC 7662 and RFC 7009: served wherever revoked tokens can be recorded.
        server.introspectToken().ifPresent(introspect -> context.register(new IntrospectionResource(introspect,
                new FormBodyReader(FormBodyReader.DEFAULT_MAX_BYTES))));
        server.revokeToken().ifPresent(revoke -> context.register(new RevocationResource(revoke,
                new FormBodyReader(FormBodyReader.DEFAULT_MAX_BYTES))));
        context.register(new OAuthExceptionMapper());
        context.register(new BearerTokenExceptionMapper());
        context.register(new ServiceUnavailableExceptionMapper());
        context.register(new RateLimitedExceptionMapper());
        context.register(new WebApplicationExceptionMapper());
        context.register(new UnexpectedExceptionMapper());
        context.register(new ErrorBodyFilter());
        return true;
    }

    /** Options of the browser pages. Not thread-safe. */
    public static final class Builder {

        private final AuthorizationServer server;
        private PageRenderer pages = PageRenderer.builtIn();
        private ClientAddressResolver addresses = ClientAddressResolver.fromProperty();
        private RateLimits limits = RateLimits.NONE;

        private Builder(AuthorizationServer server) {
            this.server = Objects.requireNonNull(server, "server");
        }

        /**
         * A theme: files in {@code directory} named like the built-in templates ({@code login.mustache},
         * {@code consent.mustache}, {@code error.mustache}, {@code form_post.mustache}, {@code head.mustache})
         * or the stylesheet ({@code portcullis.css}) replace them, without a rebuild.
         *
         * @throws IllegalArgumentException when the directory does not exist
         */
        public Builder themeDirectory(Path directory) {
            this.pages = PageRenderer.themed(directory);
            return this;
        }

        /** How the address of a connection is found, for limiting failed sign-ins; {@link ClientAddressResolver#fromProperty()} when not set. */
        public Builder clientAddress(ClientAddressResolver value) {
            this.addresses = Objects.requireNonNull(value, "clientAddress");
            return this;
        }

        /**
         * Limits the token requests of each {@code client_id}: over the limit, 429 with
         * {@code Retry-After} (RFC 6585 §4). Off when not set.
         *
         * @param clock the time of the buckets
         */
        public Builder tokenRateLimit(RateLimit perClient, Clock clock) {
            this.limits = new RateLimits(Optional.of(clock), Optional.of(perClient), limits.perUsername(),
                    limits.perAddress());
            return this;
        }

        /**
         * Limits submitted login forms per username and per client address, successful or not: over
         * either, a 429 page with {@code Retry-After}. Failed sign-ins are limited besides, by the
         * core's login limits. Off when not set.
         *
         * @param clock the time of the buckets
         */
        public Builder loginRateLimits(RateLimit perUsername, RateLimit perAddress, Clock clock) {
            this.limits = new RateLimits(Optional.of(clock), limits.perClient(), Optional.of(perUsername),
                    Optional.of(perAddress));
            return this;
        }

        /** The feature. */
        public PortcullisFeature build() {
            return new PortcullisFeature(server, pages, addresses, limits);
        }
    }
}
