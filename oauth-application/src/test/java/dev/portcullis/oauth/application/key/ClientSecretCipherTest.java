package dev.portcullis.oauth.application.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.SealedSecret;
import dev.portcullis.oauth.domain.key.KeyId;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ClientSecretCipherTest {

    private static final ClientId CLIENT = new ClientId("partner");
    private static final ClientSecret SECRET = new ClientSecret("a-client-secret-of-32-characters");

    private final SecureRandom random = new SecureRandom();
    private final MasterKey masterKey = MasterKey.generate(random);
    private final ClientSecretCipher cipher = new ClientSecretCipher(masterKey, random);

    @Test
    void openWhenSealedForSameClientThenSecret() {
        SealedSecret sealed = cipher.seal(CLIENT, SECRET);

        assertEquals(SECRET, cipher.open(CLIENT, sealed));
    }

    @Test
    void sealWhenCalledTwiceThenDifferentCiphertexts() {
        assertNotEquals(cipher.seal(CLIENT, SECRET), cipher.seal(CLIENT, SECRET));
    }

    @Test
    void sealWhenSealedThenCiphertextDoesNotContainSecret() {
        SealedSecret sealed = cipher.seal(CLIENT, SECRET);

        assertFalse(sealed.encoded().contains(SECRET.value()));
        assertEquals("SealedSecret[redacted]", sealed.toString());
    }

    @Test
    void openWhenSealedForOtherClientThenIllegalState() {
        SealedSecret sealed = cipher.seal(new ClientId("other"), SECRET);

        assertThrows(IllegalStateException.class, () -> cipher.open(CLIENT, sealed));
    }

    @Test
    void openWhenOtherMasterKeyThenIllegalState() {
        SealedSecret sealed = new ClientSecretCipher(MasterKey.generate(random), random).seal(CLIENT, SECRET);

        assertThrows(IllegalStateException.class, () -> cipher.open(CLIENT, sealed));
    }

    @Test
    void openWhenPrivateKeySealedUnderSameMasterKeyThenIllegalState() { // a derived key separates the purposes
        byte[] privateKey = new PrivateKeyCipher(masterKey, random).encrypt(new KeyId(CLIENT.value()), SECRET.value());
        SealedSecret moved = new SealedSecret(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(privateKey));

        assertThrows(IllegalStateException.class, () -> cipher.open(CLIENT, moved));
    }

    @Test
    void openWhenGarbageThenIllegalState() {
        assertThrows(IllegalStateException.class, () -> cipher.open(CLIENT, new SealedSecret("not*base64")));
        assertThrows(IllegalStateException.class, () -> cipher.open(CLIENT, new SealedSecret("AQID")));
    }

    @Test
    void openWhenSealedUnderThePreviousMasterKeyDuringRotationThenOpens() { // master key rotation
        MasterKey next = MasterKey.generate(random);
        SealedSecret old = cipher.seal(CLIENT, new ClientSecret("s".repeat(32)));

        ClientSecretCipher rotating = new ClientSecretCipher(next, random).openingAlsoWith(masterKey);

        assertEquals(new ClientSecret("s".repeat(32)), rotating.open(CLIENT, old));
        assertThrows(IllegalStateException.class, () -> new ClientSecretCipher(next, random).open(CLIENT, old));
    }

    @Test
    void resealedWhenUnderThePreviousKeyThenUnderTheCurrentOneAndWhenCurrentThenUnchanged() {
        MasterKey next = MasterKey.generate(random);
        SealedSecret old = cipher.seal(CLIENT, new ClientSecret("s".repeat(32)));
        ClientSecretCipher rotating = new ClientSecretCipher(next, random).openingAlsoWith(masterKey);

        SealedSecret resealed = rotating.resealed(CLIENT, old);

        assertEquals(new ClientSecret("s".repeat(32)), new ClientSecretCipher(next, random).open(CLIENT, resealed));
        assertEquals(resealed, rotating.resealed(CLIENT, resealed));
    }
}
