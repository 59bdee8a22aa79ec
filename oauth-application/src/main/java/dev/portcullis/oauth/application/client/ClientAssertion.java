package dev.portcullis.oauth.application.client;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.domain.client.AssertionSigningAlgorithm;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import java.text.ParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A client authentication assertion (RFC 7523 §2.2) as presented: parsed, not yet verified. It
 * holds the JWT, so it never prints it ({@link #toString()}). Immutable.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7523#section-2.2">RFC 7523 §2.2</a>
 */
public final class ClientAssertion {

    /** RFC 7523 §2.2: the only {@code client_assertion_type} served. */
    public static final String JWT_BEARER_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** Longest assertion parsed; a signed JWT with a few claims is well under 2 KiB. */
    public static final int MAX_LENGTH = 16_384;

    private final SignedJWT jwt;
    private final JWTClaimsSet claims;
    private final AssertionSigningAlgorithm algorithm;
    private final ClientId clientId;

    private ClientAssertion(SignedJWT jwt, JWTClaimsSet claims, AssertionSigningAlgorithm algorithm, ClientId clientId) {
        this.jwt = jwt;
        this.claims = claims;
        this.algorithm = algorithm;
        this.clientId = clientId;
    }

    /**
     * Parses an assertion from the token request's parameters (RFC 7521 §4.2, RFC 7523 §2.2).
     *
     * @param type      {@code client_assertion_type}, empty when absent
     * @param assertion {@code client_assertion}
     * @param clientId  {@code client_id}, empty when absent; when present it must name the assertion's client
     * @throws OAuthException {@code invalid_client} when the type is not the JWT bearer type, the
     *                        assertion is not a signed JWT with a supported algorithm, or its
     *                        {@code iss}, {@code sub} and {@code client_id} do not name one client
     */
    public static ClientAssertion parse(Optional<String> type, String assertion, Optional<String> clientId) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(clientId, "clientId");
        if (type.isEmpty()) {
            throw refused("The client_assertion_type parameter is missing.", "client_assertion without a type");
        }
        if (!JWT_BEARER_TYPE.equals(type.get())) {
            throw refused("The client_assertion_type must be " + JWT_BEARER_TYPE + ".", "unsupported client_assertion_type");
        }
        if (assertion.isEmpty() || assertion.length() > MAX_LENGTH) {
            throw refused("The client assertion is empty or too long.", "client_assertion length " + assertion.length());
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(assertion);
        } catch (ParseException e) {
            throw refused("The client assertion is not a JWT.", "client_assertion does not parse as a JWT");
        }
        // OIDC Core §9 and RFC 7523 §3 item 9: signed (or MACed); "none" and encrypted-only JWTs are refused.
        if (!(parsed instanceof SignedJWT signed)) {
            throw refused("The client assertion must be a signed JWT.", "client_assertion is not a JWS (alg none or JWE)");
        }
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        AssertionSigningAlgorithm algorithm = AssertionSigningAlgorithm.fromJwsName(alg.getName()).orElseThrow(() ->
                refused("The client assertion algorithm is not supported.", "client_assertion alg " + alg.getName()));
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("The client assertion claims are not a JSON object.", "client_assertion claims do not parse");
        }
        ClientId id = subject(claims);
        if (clientId.isPresent() && !clientId.get().equals(id.value())) {
            throw refused("The client_id parameter does not match the client assertion.",
                    "client_id parameter differs from the assertion's sub " + id);
        }
        return new ClientAssertion(signed, claims, algorithm, id);
    }

    // RFC 7523 §3 items 1 and 2: for client authentication iss and sub are both the client_id.
    private static ClientId subject(JWTClaimsSet claims) {
        String issuer = claims.getIssuer();
        String subject = claims.getSubject();
        if (issuer == null || subject == null) {
            throw refused("The client assertion must carry iss and sub.", "client_assertion without iss or sub");
        }
        if (!issuer.equals(subject)) {
            throw refused("The client assertion iss and sub must both be the client_id.",
                    "client_assertion iss differs from sub");
        }
        if (!ClientId.isValid(subject)) {
            throw refused("The client assertion sub is not a valid client_id.", "client_assertion sub is not a client_id");
        }
        return new ClientId(subject);
    }

    /** The client the assertion claims to come from ({@code sub}, equal to {@code iss}). */
    public ClientId clientId() {
        return clientId;
    }

    /** The {@code alg} of its JWS header. */
    public AssertionSigningAlgorithm algorithm() {
        return algorithm;
    }

    SignedJWT jwt() {
        return jwt;
    }

    JWTClaimsSet claims() {
        return claims;
    }

    static OAuthException refused(String description, String detail) {
        return new OAuthException(new OAuthError(StandardErrorCode.INVALID_CLIENT, description), detail);
    }

    @Override
    public String toString() {
        return "ClientAssertion[client_id=" + clientId + ", alg=" + algorithm + "]";
    }
}
