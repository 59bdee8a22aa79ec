package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.application.key.ClientSecretCipher;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientBuilder;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.client.SealedSecret;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.ResourceServerRepository;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.runtime.config.ClientEntry;
import dev.portcullis.oauth.runtime.config.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the clients, scopes and resource servers of the configuration file at start: each is created, or
 * updated to match the file. A clear secret is hashed, unless the stored hash already matches
 * it, so restarts keep the stored hash. For {@code client_secret_jwt} the secret is also sealed
 * under the master key (an HMAC assertion needs the secret itself), unless the stored sealed secret
 * already opens to it.
 */
final class ConfiguredRegistrations {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredRegistrations.class);

    private final ClientRepository clients;
    private final ScopeRepository scopes;
    private final SecretHasher hasher;
    private final ClientSecretCipher cipher;
    private final ResourceServerRepository resourceServers;

    ConfiguredRegistrations(ClientRepository clients, ScopeRepository scopes, SecretHasher hasher,
                            ClientSecretCipher cipher, ResourceServerRepository resourceServers) {
        this.resourceServers = Objects.requireNonNull(resourceServers, "resourceServers");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    void apply(List<ScopeDefinition> scopeDefinitions, List<ClientEntry> clientEntries) {
        scopeDefinitions.forEach(scopes::save);
        Set<Scope> known = scopes.findAll().stream().map(ScopeDefinition::scope).collect(Collectors.toCollection(HashSet::new));
        for (ClientEntry entry : clientEntries) {
            Client client = entry.client();
            for (Scope scope : client.scopes().scopes()) {
                if (!known.contains(scope)) {
                    throw new ConfigurationException("clients (" + client.id() + ").scope",
                            "scope " + scope + " is not defined in scopes");
                }
            }
        }
        // Checking a clear secret against its stored hash is a slow hash by design: side by side.
        List<Client> registrations = clientEntries.parallelStream().map(this::withStoredSecret).toList();
        for (Client client : registrations) {
            clients.save(client);
            LOG.info("client applied from configuration: client_id={}", client.id());
        }
    }

    /**
     * Creates or updates the resource servers of the file, after {@link #apply}: their scopes must
     * be defined, and their introspection clients registered and confidential (RFC 7662 §2.1).
     */
    void applyResources(List<ResourceServer> resources) {
        Set<Scope> known = scopes.findAll().stream().map(ScopeDefinition::scope).collect(Collectors.toSet());
        for (ResourceServer resource : resources) {
            String key = "resources (" + resource.identifier() + ")";
            for (Scope scope : resource.scopes().scopes()) {
                if (!known.contains(scope)) {
                    throw new ConfigurationException(key + ".scope", "scope " + scope + " is not defined in scopes");
                }
            }
            for (ClientId id : resource.introspectors()) {
                if (!clients.findById(id).map(Client::isConfidential).orElse(false)) {
                    throw new ConfigurationException(key + ".introspection_clients",
                            "client " + id + " is not a registered confidential client");
                }
            }
            resourceServers.save(resource);
            LOG.info("resource server applied from configuration: identifier={}", resource.identifier());
        }
    }

    private Client withStoredSecret(ClientEntry entry) {
        if (entry.secret().isEmpty()) {
            return entry.client();
        }
        Optional<Client> existing = clients.findById(entry.client().id());
        Optional<HashedSecret> stored = existing.flatMap(Client::secret);
        ClientSecret secret = entry.secret().get();
        HashedSecret hash = stored.filter(h -> hasher.matches(secret, h)).orElseGet(() -> hasher.hash(secret));
        ClientBuilder builder = entry.client().toBuilder().secret(hash);
        if (entry.client().authenticationMethod() == ClientAuthenticationMethod.CLIENT_SECRET_JWT) {
            builder.sealedSecret(existing.flatMap(Client::sealedSecret).filter(s -> opensTo(entry.client().id(), s, secret))
                    .orElseGet(() -> cipher.seal(entry.client().id(), secret)));
        }
        return builder.build();
    }

    private boolean opensTo(ClientId id, SealedSecret sealed, ClientSecret secret) {
        try {
            return MessageDigest.isEqual(cipher.open(id, sealed).value().getBytes(StandardCharsets.UTF_8),
                    secret.value().getBytes(StandardCharsets.UTF_8));
        } catch (IllegalStateException e) {
            // Sealed under another master key, or altered: seal it again.
            return false;
        }
    }
}
