package dev.portcullis.oauth.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.key.ClientSecretCipher;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryResourceServerRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.client.SealedSecret;
import dev.portcullis.oauth.runtime.config.ClientEntry;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The secrets of configured clients at start: hashed, and sealed for client_secret_jwt (OIDC Core §9). */
class ConfiguredRegistrationsTest {

    private static final ClientId ID = new ClientId("hmac");
    private static final ClientSecret SECRET = new ClientSecret("0123456789abcdef0123456789abcdef");

    private final SecureRandom random = new SecureRandom();
    private final MasterKey masterKey = MasterKey.generate(random);
    private final ClientSecretCipher cipher = new ClientSecretCipher(masterKey, random);
    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final ConfiguredRegistrations registrations = new ConfiguredRegistrations(clients, new InMemoryScopeRepository(),
            new Pbkdf2SecretHasher(random, 1000), cipher, new InMemoryResourceServerRepository());

    private static ClientEntry entry(ClientSecret secret) {
        return new ClientEntry(Client.builder(ID).authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_JWT)
                .secret(new HashedSecret("$pending$")).build(), Optional.of(secret));
    }

    private SealedSecret stored() {
        return clients.findById(ID).orElseThrow().sealedSecret().orElseThrow();
    }

    @Test
    void applyWhenClientSecretJwtThenSecretSealedForTheClient() {
        registrations.apply(List.of(), List.of(entry(SECRET)));

        assertEquals(SECRET, cipher.open(ID, stored()));
    }

    @Test
    void applyWhenRestartedWithSameSecretThenSealedSecretKept() {
        registrations.apply(List.of(), List.of(entry(SECRET)));
        SealedSecret first = stored();

        registrations.apply(List.of(), List.of(entry(SECRET)));

        assertEquals(first, stored());
    }

    @Test
    void applyWhenSecretChangedThenSealedAgain() {
        registrations.apply(List.of(), List.of(entry(SECRET)));
        ClientSecret changed = new ClientSecret("fedcba9876543210fedcba9876543210");

        registrations.apply(List.of(), List.of(entry(changed)));

        assertEquals(changed, cipher.open(ID, stored()));
    }

    @Test
    void applyWhenStoredUnderAnotherMasterKeyThenSealedAgain() {
        ClientSecretCipher old = new ClientSecretCipher(MasterKey.generate(random), random);
        clients.save(Client.builder(ID).authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_JWT)
                .secret(new HashedSecret("$pending$")).sealedSecret(old.seal(ID, SECRET)).build());

        registrations.apply(List.of(), List.of(entry(SECRET)));

        assertEquals(SECRET, cipher.open(ID, stored()));
    }

    @Test
    void applyWhenClientSecretBasicThenNothingSealed() {
        registrations.apply(List.of(), List.of(new ClientEntry(Client.builder(ID).secret(new HashedSecret("$pending$")).build(),
                Optional.of(SECRET))));

        assertEquals(Optional.empty(), clients.findById(ID).orElseThrow().sealedSecret());
    }
}
