package dev.portcullis.oauth.application.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Map;
import java.util.Objects;

/**
 * The token signing path, through Nimbus JOSE, without the work Nimbus repeats per token when used
 * plainly: the protected header of a key and type is serialized and Base64url-encoded once
 * ({@link #header}: a parsed Nimbus header keeps its encoded form, RFC 7515 §5.1 step 2), and a
 * signer is given one shared {@link SecureRandom} ({@link #shareRandom}) instead of making a new one
 * on every signature (Nimbus' {@code JCAContext.getSecureRandom()} does, when none is set). The
 * bytes signed and the token produced are those of {@code new JWSObject(header, new Payload(claims))}
 * signed and serialized. Stateless.
 */
public final class CompactJws {

    private CompactJws() {
    }

    /**
     * The protected header {@code {"kid":…,"typ":…,"alg":…}}, encoded once: signing with it reuses
     * its Base64url form.
     *
     * @param type the {@code typ} header (RFC 7515 §4.1.9), e.g. {@code at+jwt} (RFC 9068 §2.1)
     */
    public static JWSHeader header(JWSAlgorithm algorithm, String keyId, String type) {
        JWSHeader built = new JWSHeader.Builder(Objects.requireNonNull(algorithm, "algorithm"))
                .keyID(Objects.requireNonNull(keyId, "keyId"))
                .type(new JOSEObjectType(Objects.requireNonNull(type, "type")))
                .build();
        try {
            return JWSHeader.parse(built.toBase64URL());
        } catch (ParseException e) {
            throw new IllegalStateException("a header just built does not parse", e);
        }
    }

    /**
     * Makes {@code signer} draw its randomness (an RSASSA-PSS salt, an ECDSA nonce where the
     * provider takes one) from {@code random}. Call before the signer is shared.
     *
     * @return {@code signer}
     */
    public static JWSSigner shareRandom(JWSSigner signer, SecureRandom random) {
        signer.getJCAContext().setSecureRandom(Objects.requireNonNull(random, "random"));
        return signer;
    }

    /**
     * The JWS Compact Serialization (RFC 7515 §7.1) of {@code claims} signed under {@code header}.
     *
     * @throws JOSEException when the signer refuses or fails
     */
    public static String sign(JWSHeader header, JWSSigner signer, Map<String, Object> claims) throws JOSEException {
        JWSObject jws = new JWSObject(header, new Payload(claims));
        jws.sign(signer);
        return jws.serialize();
    }
}
