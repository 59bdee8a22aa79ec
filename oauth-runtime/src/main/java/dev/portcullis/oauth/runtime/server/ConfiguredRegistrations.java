package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.runtime.config.ClientEntry;
import dev.portcullis.oauth.runtime.config.ConfigurationException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the clients and scopes of the configuration file at start: each is created, or
 * updated to match the file. A clear secret is hashed, unless the stored hash already matches
 * it, so restarts keep the stored hash.
 */
final class ConfiguredRegistrations {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredRegistrations.class);

    private final ClientRepository clients;
    private final ScopeRepository scopes;
    private final SecretHasher hasher;

    ConfiguredRegistrations(ClientRepository clients, ScopeRepository scopes, SecretHasher hasher) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
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
            clients.save(withStoredSecret(entry));
            LOG.info("client applied from configuration: client_id={}", client.id());
        }
    }

    private Client withStoredSecret(ClientEntry entry) {
        if (entry.secret().isEmpty()) {
            return entry.client();
        }
        Optional<HashedSecret> stored = clients.findById(entry.client().id()).flatMap(Client::secret);
        HashedSecret hash = stored.filter(h -> hasher.matches(entry.secret().get(), h))
                .orElseGet(() -> hasher.hash(entry.secret().get()));
        return entry.client().toBuilder().secret(hash).build();
    }
}
