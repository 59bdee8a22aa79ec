package dev.portcullis.oauth.application.change;

import dev.portcullis.oauth.application.client.CachingClientRepository;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.ChangeListener;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops what this instance cached when shared state changed: the client from the client cache
 * (all clients for an any-of-topic change), and the whole key ring, reloaded from the repository,
 * for any key change. Thread-safe.
 */
public final class CacheEviction implements ChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(CacheEviction.class);

    private final CachingClientRepository clients;
    private final SigningKeyRing keys;

    /**
     * @param clients the client cache
     * @param keys    the key ring
     */
    public CacheEviction(CachingClientRepository clients, SigningKeyRing keys) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public void changed(Change change) {
        switch (change.topic()) {
            case CLIENTS -> evictClient(change);
            case SIGNING_KEYS -> {
                LOG.debug("signing keys changed: kid={}", change.key().orElse("*"));
                keys.reload();
            }
            // The copy of the deny list subscribes for itself (CachingRevokedAccessTokenRepository).
            case REVOKED_ACCESS_TOKENS -> {
            }
        }
    }

    private void evictClient(Change change) {
        if (change.key().isEmpty()) {
            clients.evictAll();
            return;
        }
        LOG.debug("client changed: client_id={}", change.key().get());
        try {
            clients.evict(new ClientId(change.key().get()));
        } catch (IllegalArgumentException e) {
            // Not a client id this server could have cached: forget everything rather than guess.
            clients.evictAll();
        }
    }
}
