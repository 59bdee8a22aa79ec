package dev.portcullis.oauth.application.key;

import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to import an existing private key, e.g. from the server Portcullis replaces, so that
 * the tokens it signed stay valid and its {@code kid} is kept.
 *
 * @param material  a private JWK (RFC 7517, JSON) or PEM: a PKCS#8 {@code PRIVATE KEY} block, plus
 *                  a {@code PUBLIC KEY} block for EC and Ed25519 keys; never logged
 * @param algorithm the algorithm the key signs with; a JWK's {@code alg}, when present, must agree
 * @param kid       the key id to keep; required for PEM; a JWK's {@code kid}, when present, must agree
 * @param state     {@code NEXT}: published now, signing after the publication lead time in place of
 *                  the current key; or {@code RETIRED}: published only, so that tokens it signed
 *                  elsewhere verify, and removed like any retired key
 */
public record KeyImport(String material, SigningAlgorithm algorithm, Optional<KeyId> kid, KeyState state) {

    public KeyImport {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(state, "state");
        if (state == KeyState.CURRENT) {
            throw new IllegalArgumentException("an imported key is NEXT or RETIRED; it signs only once published long enough");
        }
    }

    @Override
    public String toString() {
        return "KeyImport[material=redacted, algorithm=" + algorithm.jwsName() + ", kid=" + kid.map(KeyId::value).orElse("-")
                + ", state=" + state + "]";
    }
}
