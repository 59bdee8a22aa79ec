package dev.portcullis.oauth.application.key;

import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Key rings for tests: fixed clock, fixed master key unless one is given. */
public final class TestKeyRings {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    /** 32 bytes 0x00..0x1f. */
    static final MasterKey MASTER_KEY = MasterKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    private TestKeyRings() {
    }

    /** A ring over {@code repository} under {@link #MASTER_KEY}. */
    public static SigningKeyRing ring(SigningKeyRepository repository) {
        return ring(repository, MASTER_KEY);
    }

    /** A ring over {@code repository} under {@code masterKey}. */
    static SigningKeyRing ring(SigningKeyRepository repository, MasterKey masterKey) {
        SecureRandom random = new SecureRandom();
        PrivateKeyCipher cipher = new PrivateKeyCipher(masterKey, random);
        return new SigningKeyRing(repository, cipher,
                new SigningKeyGenerator(cipher, new SecureRandomTokenValueGenerator(random), CLOCK));
    }
}
