package dev.portcullis.oauth.application.admin;

import dev.portcullis.oauth.application.client.ClientMetadata;
import dev.portcullis.oauth.application.key.ClientSecretCipher;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientBuilder;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.event.ClientChanged;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.port.TokenValueGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clients through the admin API: list, read, register, replace, delete, rotate the secret. A secret
 * is stored only as its slow hash; one the server generates (256 bits) is returned once, in the
 * answer to the call that made it, and never again. Changes go through the repository the token
 * endpoint reads, so this instance sees them at once; other instances within their client cache's
 * lifetime. Deleting a client first revokes its tokens ({@link RevokeTokens}). Thread-safe.
 */
public final class ManageClients {

    private static final Logger LOG = LoggerFactory.getLogger(ManageClients.class);

    private final ClientRepository clients;
    private final RevokeTokens revoke;
    private final SecretHasher hasher;
    private final TokenValueGenerator values;
    private final TokenLifetimes defaults;
    private final ClientSecretCipher cipher;
    private final EventPublisher events;
    private final Clock clock;

    /**
     * @param clients       where clients are kept (the caching repository of the token endpoint)
     * @param revoke        revokes the tokens of a client that is deleted
     * @param hasher        hashes secrets for storage
     * @param values        generates client ids and secrets
     * @param defaults      the lifetimes of a client that sets none
     * @param cipher        seals the secret of a {@code client_secret_jwt} client, which the server
     *                      needs in clear to check an HMAC (RFC 7523 §3)
     * @param events        where each change is reported (the audit trail)
     * @param clock         the time of each change
     */
    public ManageClients(ClientRepository clients, RevokeTokens revoke, SecretHasher hasher,
                         TokenValueGenerator values, TokenLifetimes defaults, ClientSecretCipher cipher,
                         EventPublisher events, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.revoke = Objects.requireNonNull(revoke, "revoke");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.values = Objects.requireNonNull(values, "values");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A registration and the secret made for it, in clear, when this call set one. */
    public record Registered(Client client, Optional<ClientSecret> issuedSecret) {
        public Registered {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(issuedSecret, "issuedSecret");
        }
    }

    /** The outcome of {@link #create}. */
    public sealed interface Creation {
        /** The client was registered. */
        record Created(Registered registered) implements Creation {
        }

        /** A client with the requested {@code client_id} exists; nothing changed. */
        record AlreadyExists(ClientId id) implements Creation {
        }
    }

    /** Every client, by id. */
    public List<Client> list() {
        return clients.findAll().stream().sorted(Comparator.comparing(client -> client.id().value())).toList();
    }

    /** The client {@code id}. */
    public Optional<Client> find(ClientId id) {
        return clients.findById(id);
    }

    /**
     * Registers a client from RFC 7591 metadata. Without {@code client_id} one is generated;
     * a client authenticating with a secret and sending none gets a generated one.
     *
     * @throws OAuthException {@code invalid_client_metadata} or {@code invalid_redirect_uri}
     */
    public Creation create(ClientId admin, Map<String, Object> metadata) {
        Object sentId = metadata.get("client_id");
        ClientId id;
        if (sentId == null) {
            id = new ClientId(values.identifier());
        } else if (sentId instanceof String text && ClientId.isValid(text)) {
            id = new ClientId(text);
        } else {
            throw OAuthException.of(StandardErrorCode.INVALID_CLIENT_METADATA,
                    "The field client_id must be 1 to 255 printable ASCII characters.");
        }
        if (clients.findById(id).isPresent()) {
            return new Creation.AlreadyExists(id);
        }
        ClientMetadata.Parsed parsed = ClientMetadata.parse(id, metadata, defaults);
        Optional<ClientSecret> issued = Optional.empty();
        if (parsed.method().usesSecret()) {
            ClientSecret secret = parsed.secret().orElseGet(() -> new ClientSecret(values.tokenValue()));
            setSecret(parsed.builder(), id, parsed.method(), secret);
            issued = parsed.secret().isPresent() ? Optional.empty() : Optional.of(secret);
        }
        Client client = ClientMetadata.build(parsed.builder());
        clients.save(client);
        changed(id, ClientChanged.Change.CREATED, admin);
        return new Creation.Created(new Registered(client, issued));
    }

    /**
     * Replaces the registration of client {@code id} with {@code metadata}. The stored secret is
     * kept unless {@code client_secret} is sent; a client moving to a secret method without one
     * gets a generated one.
     *
     * @return empty when there is no such client
     * @throws OAuthException {@code invalid_client_metadata} or {@code invalid_redirect_uri}
     */
    public Optional<Registered> replace(ClientId admin, ClientId id, Map<String, Object> metadata) {
        Optional<Client> existing = clients.findById(id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        ClientMetadata.Parsed parsed = ClientMetadata.parse(id, metadata, defaults);
        ClientBuilder builder = parsed.builder();
        Optional<ClientSecret> issued = Optional.empty();
        if (parsed.method().usesSecret()) {
            boolean keep = existing.get().secret().isPresent() && (parsed.method() != ClientAuthenticationMethod.CLIENT_SECRET_JWT
                    || existing.get().sealedSecret().isPresent());
            if (parsed.secret().isPresent()) {
                setSecret(builder, id, parsed.method(), parsed.secret().get());
            } else if (keep) {
                builder.secret(existing.get().secret().get());
                existing.get().sealedSecret().ifPresent(builder::sealedSecret);
            } else {
                ClientSecret secret = new ClientSecret(values.tokenValue());
                setSecret(builder, id, parsed.method(), secret);
                issued = Optional.of(secret);
            }
        }
        Client client = ClientMetadata.build(builder);
        clients.save(client);
        changed(id, ClientChanged.Change.REPLACED, admin);
        return Optional.of(new Registered(client, issued));
    }

    /**
     * Revokes the tokens of client {@code id} (while its lifetimes are still known) and deletes it.
     *
     * @return whether there was such a client
     */
    public boolean delete(ClientId admin, ClientId id) {
        if (clients.findById(id).isEmpty()) {
            return false;
        }
        RevokeTokens.Revoked revoked = revoke.ofClient(id);
        boolean deleted = clients.delete(id);
        LOG.debug("client deleted: client_id={} grants_revoked={}", id, revoked.grants());
        changed(id, ClientChanged.Change.DELETED, admin);
        return deleted;
    }

    /**
     * Gives client {@code id} a new generated secret; the old one stops working at once on this
     * instance.
     *
     * @return the new secret, in clear, once; empty when there is no such client
     * @throws OAuthException {@code invalid_request} when the client authenticates without a secret
     */
    public Optional<ClientSecret> rotateSecret(ClientId admin, ClientId id) {
        Optional<Client> existing = clients.findById(id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (!existing.get().authenticationMethod().usesSecret()) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The client does not authenticate with a secret.");
        }
        ClientSecret secret = new ClientSecret(values.tokenValue());
        ClientBuilder builder = existing.get().toBuilder();
        setSecret(builder, id, existing.get().authenticationMethod(), secret);
        clients.save(builder.build());
        changed(id, ClientChanged.Change.SECRET_ROTATED, admin);
        return Optional.of(secret);
    }

    private void changed(ClientId id, ClientChanged.Change change, ClientId admin) {
        events.publish(new ClientChanged(Instant.now(clock), id, change, admin));
    }

    /** The slow hash for client_secret_basic/post, and for client_secret_jwt also the sealed secret. */
    private void setSecret(ClientBuilder builder, ClientId id, ClientAuthenticationMethod method, ClientSecret secret) {
        builder.secret(hasher.hash(secret));
        if (method == ClientAuthenticationMethod.CLIENT_SECRET_JWT) {
            builder.sealedSecret(cipher.seal(id, secret));
        }
    }
}
