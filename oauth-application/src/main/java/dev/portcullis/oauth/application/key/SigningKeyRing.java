package dev.portcullis.oauth.application.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import dev.portcullis.oauth.application.jose.CompactJws;
import dev.portcullis.oauth.application.jose.Ed25519Jws;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's signing keys in memory: for each enabled algorithm the current key with its
 * signer, and the public JWK set of every published key. Reads are lock-free; {@link #reload()}
 * swaps in a new snapshot. Thread-safe.
 */
public final class SigningKeyRing {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyRing.class);

    /**
     * A current key ready to sign, with its protected headers encoded once per {@code typ} (the
     * server uses a handful of types: {@code at+jwt}, {@code JWT}, {@code logout+jwt}).
     */
    static final class ActiveKey {

        /** More types than the server uses: beyond it, a header is encoded per call instead. */
        private static final int MAX_TYPES = 8;

        private final KeyId id;
        private final JWSAlgorithm algorithm;
        private final JWSSigner signer;
        private final ConcurrentHashMap<String, JWSHeader> headers = new ConcurrentHashMap<>();

        ActiveKey(KeyId id, JWSAlgorithm algorithm, JWSSigner signer) {
            this.id = id;
            this.algorithm = algorithm;
            this.signer = signer;
        }

        KeyId id() {
            return id;
        }

        JWSSigner signer() {
            return signer;
        }

        /** The header {@code kid}, {@code typ} {@code type}, {@code alg} of this key, encoded. */
        JWSHeader header(String type) {
            JWSHeader header = headers.get(type);
            if (header == null) {
                header = CompactJws.header(algorithm, id.value(), type);
                if (headers.size() < MAX_TYPES) {
                    headers.putIfAbsent(type, header);
                }
            }
            return header;
        }
    }

    private record Snapshot(Map<SigningAlgorithm, ActiveKey> current, Map<String, Object> publicJwks) {
    }

    private final SigningKeyRepository repository;
    private final PrivateKeyCipher cipher;
    private final SigningKeyGenerator generator;
    /** Shared by the signers that take randomness (PS256 salts; ECDSA nonces on the JDK provider). */
    private final SecureRandom random = new SecureRandom();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of("keys", List.of()));

    public SigningKeyRing(SigningKeyRepository repository, PrivateKeyCipher cipher, SigningKeyGenerator generator) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /**
     * Makes sure each of {@code algorithms} has a current key, generating and storing one where
     * none exists, then loads the ring. Instances starting together on an empty database may both
     * try; the repository keeps one current key per algorithm, so the loser uses the winner's key.
     *
     * @throws IllegalStateException when a stored key cannot be decrypted or parsed (fail closed)
     */
    public void ensureCurrentKeys(Set<SigningAlgorithm> algorithms) {
        List<SigningKey> stored = repository.findAll();
        for (SigningAlgorithm algorithm : algorithms) {
            boolean hasCurrent = stored.stream().anyMatch(k -> k.algorithm() == algorithm && k.state() == KeyState.CURRENT);
            if (!hasCurrent) {
                addCurrent(algorithm);
            }
        }
        reload();
    }

    private void addCurrent(SigningAlgorithm algorithm) {
        SigningKey key = generator.generate(algorithm, KeyState.CURRENT);
        try {
            repository.add(key);
            LOG.info("generated signing key: kid={} alg={} state=CURRENT", key.id(), algorithm.jwsName());
        } catch (IllegalStateException e) {
            boolean otherWon = repository.findAll().stream()
                    .anyMatch(k -> k.algorithm() == algorithm && k.state() == KeyState.CURRENT);
            if (!otherWon) {
                throw e;
            }
            LOG.info("another instance made the current signing key first: alg={}", algorithm.jwsName());
        }
    }

    /**
     * Reloads every key from the repository. Serialised, so that a reload that read the keys
     * earlier never replaces the snapshot of one that read them later. {@link #publicJwks()} returns
     * a new object after a reload exactly when the published keys changed.
     */
    public synchronized void reload() {
        List<SigningKey> keys = new ArrayList<>(repository.findAll());
        keys.sort(Comparator.comparing(SigningKey::createdAt).reversed());
        Map<SigningAlgorithm, ActiveKey> current = new EnumMap<>(SigningAlgorithm.class);
        List<JWK> published = new ArrayList<>();
        for (SigningKey key : keys) {
            published.add(parse(key.id(), key.publicJwk()));
            // The newest current key of an algorithm signs.
            if (key.state() == KeyState.CURRENT && !current.containsKey(key.algorithm())) {
                current.put(key.algorithm(), activate(key));
            }
        }
        // Callers share the snapshot, so the JSON object handed out must be unmodifiable all the way down.
        List<Map<String, Object>> jwks = published.stream()
                .map(jwk -> Collections.unmodifiableMap(jwk.toPublicJWK().toJSONObject()))
                .toList();
        Map<String, Object> publicJwks = Map.of("keys", jwks);
        // The published set keeps its identity while it is unchanged: verifiers built from it, and
        // the signatures they verified (AccessTokenVerifiers, VerifiedTokenCache), are dropped only
        // when a key was added, re-imported or removed, not at every scheduled refresh.
        if (publicJwks.equals(snapshot.publicJwks())) {
            publicJwks = snapshot.publicJwks();
        }
        snapshot = new Snapshot(Map.copyOf(current), publicJwks);
    }

    /** The current key for {@code algorithm}; empty when the algorithm has none. */
    Optional<ActiveKey> current(SigningAlgorithm algorithm) {
        return Optional.ofNullable(snapshot.current().get(algorithm));
    }

    SigningKeyRepository repository() {
        return repository;
    }

    SigningKeyGenerator generator() {
        return generator;
    }

    PrivateKeyCipher cipher() {
        return cipher;
    }

    /** The id of the key that signs {@code algorithm} now; empty when the algorithm has none. */
    public Optional<KeyId> currentKeyId(SigningAlgorithm algorithm) {
        return current(algorithm).map(ActiveKey::id);
    }

    /** The JWK set (RFC 7517 §5) of every published key, public parts only, as a JSON object. */
    public Map<String, Object> publicJwks() {
        return snapshot.publicJwks();
    }

    /**
     * The key with its signer, built once here and shared by every request until the next reload.
     * Nimbus' RSA and EC signers ask the JCA for the signature on each call without naming a
     * provider, so the provider installed first signs (the runtime installs a native one when it
     * can); EdDSA goes through the JCA too ({@link Ed25519Jws}), not through Nimbus' Tink signer.
     */
    private ActiveKey activate(SigningKey key) {
        JWK jwk = parse(key.id(), cipher.decrypt(key.id(), key.encryptedPrivateKey()));
        if (!jwk.isPrivate() || !key.id().value().equals(jwk.getKeyID())) {
            throw new IllegalStateException("stored private key of " + key.id() + " does not match its record");
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(key.algorithm().jwsName());
        try {
            JWSSigner signer = switch (key.algorithm()) {
                case RS256, PS256 -> new RSASSASigner(jwk.toRSAKey());
                case ES256 -> new ECDSASigner(jwk.toECKey());
                case EDDSA -> Ed25519Jws.signer(jwk.toOctetKeyPair());
            };
            return new ActiveKey(key.id(), algorithm, CompactJws.shareRandom(signer, random));
        } catch (JOSEException e) {
            throw new IllegalStateException("stored key " + key.id() + " cannot sign " + algorithm, e);
        }
    }

    private static JWK parse(KeyId kid, String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("stored key " + kid + " is not a valid JWK", e);
        }
    }
}
