package dev.portcullis.oauth.application.key;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.LocalJobLock;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResealClientSecretsTest {

    private static final ClientSecret SECRET = new ClientSecret("client-secret-jwt-secret-0123456789");

    private final SecureRandom random = new SecureRandom();
    private final MasterKey previous = MasterKey.generate(random);
    private final MasterKey current = MasterKey.generate(random);
    private final InMemoryClientRepository clients = new InMemoryClientRepository();

    @Test
    void tryResealAllWhenSealedUnderThePreviousMasterKeyThenUnderTheCurrentOneOnceOnly() { // master key rotation
        clients.save(TestClients.confidential("signer").authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_JWT)
                .secret(TestClients.SECRET)
                .sealedSecret(new ClientSecretCipher(previous, random).seal(new ClientId("signer"), SECRET)).build());
        clients.save(TestClients.confidential("plain").build());
        ClientSecretCipher rotating = new ClientSecretCipher(current, random).openingAlsoWith(previous);
        ResealClientSecrets reseal = new ResealClientSecrets(clients, rotating, new LocalJobLock());

        assertEquals(Optional.of(1), reseal.tryResealAll());

        assertEquals(SECRET, new ClientSecretCipher(current, random).open(new ClientId("signer"),
                clients.findById(new ClientId("signer")).orElseThrow().sealedSecret().orElseThrow()));
        assertEquals(Optional.of(0), reseal.tryResealAll(), "a second run changes nothing");
    }
}
