package dev.portcullis.oauth.application.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.portcullis.oauth.application.jose.Ed25519Jws;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns imported key material (a private JWK, or PEM) into a private JWK this server can sign with,
 * checking that it fits the algorithm and that its private and public halves belong together.
 * Error messages never contain the material. Stateless.
 */
final class KeyMaterial {

    private static final int MIN_RSA_BITS = 2048;
    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** RFC 8410 §7: the fixed DER prefix of an Ed25519 PKCS#8 private key (v1) before its 32-byte seed. */
    private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    /** RFC 8410 §4: the fixed DER prefix of an Ed25519 SubjectPublicKeyInfo before its 32-byte key. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private KeyMaterial() {
    }

    /**
     * The private JWK in {@code material}, with {@code kid}, {@code alg} and {@code use=sig} set.
     *
     * @throws IllegalArgumentException with a message safe to show, when the material is not a
     *                                  usable private key for {@code algorithm}
     */
    static JWK parse(String material, SigningAlgorithm algorithm, Optional<KeyId> kid) {
        String text = material.strip();
        JWK jwk = text.startsWith("{") ? fromJwk(text, algorithm, kid) : fromPem(text, algorithm, kid);
        requireMatchingHalves(jwk, algorithm);
        return jwk;
    }

    private static JWK fromJwk(String json, SigningAlgorithm algorithm, Optional<KeyId> kid) {
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("the key is not a valid JWK (RFC 7517)");
        }
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("the JWK has no private part");
        }
        if (jwk.getAlgorithm() != null && !algorithm.jwsName().equals(jwk.getAlgorithm().getName())) {
            throw new IllegalArgumentException("the JWK's alg does not match the algorithm " + algorithm.jwsName());
        }
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            throw new IllegalArgumentException("the JWK's use is not sig");
        }
        if (kid.isPresent() && jwk.getKeyID() != null && !kid.get().value().equals(jwk.getKeyID())) {
            throw new IllegalArgumentException("the JWK's kid does not match the kid given");
        }
        String id = kid.map(KeyId::value).or(() -> Optional.ofNullable(jwk.getKeyID()))
                .orElseThrow(() -> new IllegalArgumentException("the JWK has no kid; give one"));
        return normalise(jwk, algorithm, keyId(id));
    }

    private static JWK fromPem(String pem, SigningAlgorithm algorithm, Optional<KeyId> kid) {
        KeyId id = kid.orElseThrow(() -> new IllegalArgumentException("a PEM key needs a kid"));
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----") || pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
            throw new IllegalArgumentException("the PEM key must be PKCS#8 (BEGIN PRIVATE KEY); "
                    + "convert it with: openssl pkcs8 -topk8 -nocrypt");
        }
        byte[] privateDer = block(pem, "PRIVATE KEY")
                .orElseThrow(() -> new IllegalArgumentException("the PEM text has no PRIVATE KEY block"));
        Optional<byte[]> publicDer = block(pem, "PUBLIC KEY");
        try {
            return switch (algorithm) {
                case RS256, PS256 -> rsa(privateDer, algorithm, id);
                case ES256 -> ec(privateDer, publicDer.orElseThrow(() -> missingPublic("EC")), id);
                case EDDSA -> ed25519(privateDer, publicDer.orElseThrow(() -> missingPublic("Ed25519")), id);
            };
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("the PEM key is not a " + algorithm.keyType() + " key for "
                    + algorithm.jwsName());
        }
    }

    private static JWK rsa(byte[] privateDer, SigningAlgorithm algorithm, KeyId kid) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return normalise(new RSAKey.Builder(publicKey).privateKey(privateKey).build(), algorithm, kid);
    }

    private static JWK ec(byte[] privateDer, byte[] publicDer, KeyId kid) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("EC");
        ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
        ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicDer));
        Curve curve = Curve.forECParameterSpec(publicKey.getParams());
        if (!Curve.P_256.equals(curve)) {
            throw new IllegalArgumentException("an ES256 key must be on the P-256 curve");
        }
        return normalise(new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey).build(), SigningAlgorithm.ES256, kid);
    }

    private static JWK ed25519(byte[] privateDer, byte[] publicDer, KeyId kid) {
        if (!hasPrefix(privateDer, ED25519_PKCS8_PREFIX, 32) || !hasPrefix(publicDer, ED25519_SPKI_PREFIX, 32)) {
            throw new IllegalArgumentException("the PEM key is not an Ed25519 key (RFC 8410)");
        }
        Base64URL d = Base64URL.encode(Arrays.copyOfRange(privateDer, ED25519_PKCS8_PREFIX.length, privateDer.length));
        Base64URL x = Base64URL.encode(Arrays.copyOfRange(publicDer, ED25519_SPKI_PREFIX.length, publicDer.length));
        return normalise(new OctetKeyPair.Builder(Curve.Ed25519, x).d(d).build(), SigningAlgorithm.EDDSA, kid);
    }

    /** The key with exactly our kid, alg and use, after checking its type fits the algorithm. */
    private static JWK normalise(JWK jwk, SigningAlgorithm algorithm, KeyId kid) {
        JWSAlgorithm alg = JWSAlgorithm.parse(algorithm.jwsName());
        if (jwk instanceof RSAKey rsa && (algorithm == SigningAlgorithm.RS256 || algorithm == SigningAlgorithm.PS256)) {
            if (rsa.size() < MIN_RSA_BITS) {
                throw new IllegalArgumentException("an RSA key must have at least 2048 bits (RFC 7518 §3.3)");
            }
            return new RSAKey.Builder(rsa).keyID(kid.value()).algorithm(alg).keyUse(KeyUse.SIGNATURE).build();
        }
        if (jwk instanceof ECKey ec && algorithm == SigningAlgorithm.ES256) {
            if (!Curve.P_256.equals(ec.getCurve())) {
                throw new IllegalArgumentException("an ES256 key must be on the P-256 curve");
            }
            return new ECKey.Builder(ec).keyID(kid.value()).algorithm(alg).keyUse(KeyUse.SIGNATURE).build();
        }
        if (jwk instanceof OctetKeyPair okp && algorithm == SigningAlgorithm.EDDSA) {
            if (!Curve.Ed25519.equals(okp.getCurve())) {
                throw new IllegalArgumentException("an EdDSA key must be on the Ed25519 curve");
            }
            return new OctetKeyPair.Builder(okp).keyID(kid.value()).algorithm(alg).keyUse(KeyUse.SIGNATURE).build();
        }
        throw new IllegalArgumentException("the key is not a " + algorithm.keyType() + " key for " + algorithm.jwsName());
    }

    /** Signs a probe with the private half and verifies it with the public half. */
    private static void requireMatchingHalves(JWK jwk, SigningAlgorithm algorithm) {
        try {
            JWSSigner signer;
            JWSVerifier verifier;
            if (jwk instanceof RSAKey rsa) {
                signer = new RSASSASigner(rsa);
                verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
            } else if (jwk instanceof ECKey ec) {
                signer = new ECDSASigner(ec);
                verifier = new ECDSAVerifier(ec.toPublicJWK());
            } else {
                OctetKeyPair okp = (OctetKeyPair) jwk;
                signer = Ed25519Jws.signer(okp);
                verifier = Ed25519Jws.verifier(okp.toPublicJWK());
            }
            JWSObject probe = new JWSObject(new JWSHeader(JWSAlgorithm.parse(algorithm.jwsName())), new Payload("probe"));
            probe.sign(signer);
            if (!probe.verify(verifier)) {
                throw new IllegalArgumentException("the key's private and public parts do not belong together");
            }
        } catch (JOSEException | RuntimeException e) {
            if (e instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new IllegalArgumentException("the key cannot sign " + algorithm.jwsName());
        }
    }

    private static Optional<byte[]> block(String pem, String label) {
        Matcher matcher = PEM_BLOCK.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(label)) {
                try {
                    return Optional.of(Base64.getMimeDecoder().decode(matcher.group(2).strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the PEM " + label + " block is not valid base64");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasPrefix(byte[] der, byte[] prefix, int rest) {
        return der.length == prefix.length + rest && Arrays.equals(der, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static IllegalArgumentException missingPublic(String type) {
        return new IllegalArgumentException("a PEM " + type + " key needs its PUBLIC KEY block too");
    }

    private static KeyId keyId(String value) {
        try {
            return new KeyId(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the kid must be 1 to 128 characters of [A-Za-z0-9._-]");
        }
    }
}
