package dev.portcullis.oauth.application.client;

import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import java.util.Objects;

/**
 * What a client presented to authenticate (RFC 6749 §2.3, RFC 7523 §2.2), as parsed by the inbound adapter.
 * The adapter has already refused a request that used more than one method.
 */
public sealed interface ClientCredentials {

    /** The client the credentials claim to be. */
    ClientId clientId();

    /** The method the client used. */
    ClientAuthenticationMethod method();

    /** HTTP Basic (RFC 6749 §2.3.1): id and secret, already form-url-decoded. */
    record SecretBasic(ClientId clientId, ClientSecret secret) implements ClientCredentials {
        public SecretBasic {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public ClientAuthenticationMethod method() {
            return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
        }
    }

    /** {@code client_id} and {@code client_secret} in the request body (RFC 6749 §2.3.1). */
    record SecretPost(ClientId clientId, ClientSecret secret) implements ClientCredentials {
        public SecretPost {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public ClientAuthenticationMethod method() {
            return ClientAuthenticationMethod.CLIENT_SECRET_POST;
        }
    }

    /** Only {@code client_id}: a public client identifying itself (RFC 6749 §3.2.1). */
    record PublicClient(ClientId clientId) implements ClientCredentials {
        public PublicClient {
            Objects.requireNonNull(clientId, "clientId");
        }

        @Override
        public ClientAuthenticationMethod method() {
            return ClientAuthenticationMethod.NONE;
        }
    }

    /**
     * A JWT assertion (RFC 7523 §2.2, OIDC Core §9): {@code private_key_jwt} when it is signed with
     * a public-key algorithm, {@code client_secret_jwt} when with an HMAC algorithm.
     */
    record JwtAssertion(ClientAssertion assertion) implements ClientCredentials {
        public JwtAssertion {
            Objects.requireNonNull(assertion, "assertion");
        }

        @Override
        public ClientId clientId() {
            return assertion.clientId();
        }

        @Override
        public ClientAuthenticationMethod method() {
            return assertion.algorithm().method();
        }
    }
}
