package dev.portcullis.oauth.application.client;

import com.nimbusds.jose.jwk.JWKSet;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.port.JwkSetSource;
import java.io.UncheckedIOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public keys of {@code private_key_jwt} clients: their inline {@code jwks}, or the set at their
 * {@code jwks_uri}, cached for a time-to-live and fetched again early when an assertion names an
 * unknown {@code kid} (the client rotated its key), but at most once per refresh interval per URI,
 * so that assertions with made-up key ids cannot make the server hammer the client's host.
 * Bounded; thread-safe. A fetch that fails keeps serving a set fetched earlier.
 */
public final class ClientJwkSets {

    private static final Logger LOG = LoggerFactory.getLogger(ClientJwkSets.class);

    private record Fetched(JWKSet keys, Instant at) {
    }

    private final JwkSetSource source;
    private final Clock clock;
    private final Duration timeToLive;
    private final Duration refreshInterval;
    private final int maxEntries;
    private final ConcurrentMap<URI, Fetched> remote = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, JWKSet> inline = new ConcurrentHashMap<>();

    /**
     * @param source          fetches a {@code jwks_uri}
     * @param timeToLive      how long a fetched set is used before it is fetched again
     * @param refreshInterval the least time between two fetches of one URI for an unknown {@code kid}
     * @param maxEntries      how many sets are cached at most; the cache empties when full
     */
    public ClientJwkSets(JwkSetSource source, Clock clock, Duration timeToLive, Duration refreshInterval, int maxEntries) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /**
     * The keys of {@code client}.
     *
     * @param kid the key id the assertion names; when the cached set of a {@code jwks_uri} lacks
     *            it, the set is fetched again (at most once per refresh interval)
     * @return the set; empty when the client has none, or its {@code jwks_uri} cannot be fetched or parsed
     */
    Optional<JWKSet> keysOf(Client client, Optional<String> kid) {
        if (client.jwks().isPresent()) {
            return parseInline(client.jwks().get());
        }
        if (client.jwksUri().isEmpty()) {
            return Optional.empty();
        }
        URI uri = client.jwksUri().get();
        Instant now = Instant.now(clock);
        Fetched cached = remote.get(uri);
        if (cached != null && isFresh(cached, now) && (kid.isEmpty() || cached.keys().getKeyByKeyId(kid.get()) != null)) {
            return Optional.of(cached.keys());
        }
        if (cached != null && isFresh(cached, now) && cached.at().plus(refreshInterval).isAfter(now)) {
            // An unknown kid, but the set was fetched moments ago: do not fetch again yet.
            return Optional.of(cached.keys());
        }
        return fetch(client, uri, now).or(() -> Optional.ofNullable(cached).map(Fetched::keys));
    }

    private boolean isFresh(Fetched fetched, Instant now) {
        return fetched.at().plus(timeToLive).isAfter(now);
    }

    private Optional<JWKSet> fetch(Client client, URI uri, Instant now) {
        String document;
        try {
            document = source.fetch(uri);
        } catch (UncheckedIOException e) {
            LOG.warn("jwks_uri of client_id={} cannot be fetched: {}", client.id(), e.getMessage());
            return Optional.empty();
        }
        try {
            JWKSet keys = JWKSet.parse(document);
            if (remote.size() >= maxEntries) {
                remote.clear();
            }
            remote.put(uri, new Fetched(keys, now));
            LOG.debug("jwks_uri of client_id={} fetched: {} keys", client.id(), keys.size());
            return Optional.of(keys);
        } catch (ParseException e) {
            LOG.warn("jwks_uri of client_id={} is not a JWK Set", client.id());
            return Optional.empty();
        }
    }

    private Optional<JWKSet> parseInline(String text) {
        JWKSet cached = inline.get(text);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            JWKSet keys = JWKSet.parse(text);
            if (inline.size() >= maxEntries) {
                inline.clear();
            }
            inline.put(text, keys);
            return Optional.of(keys);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
