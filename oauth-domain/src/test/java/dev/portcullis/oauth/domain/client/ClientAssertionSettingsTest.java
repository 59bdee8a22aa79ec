package dev.portcullis.oauth.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code token_endpoint_auth_signing_alg} and the sealed secret of {@code client_secret_jwt} (OIDC Core §9). */
class ClientAssertionSettingsTest {

    private static final String JWKS = "{\"keys\":[]}";
    private static final HashedSecret HASH = new HashedSecret("$test$hash");
    private static final SealedSecret SEALED = new SealedSecret("AQIDBA");

    private static ClientBuilder privateKeyJwt() {
        return Client.builder(new ClientId("partner")).authenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT).jwks(JWKS);
    }

    private static ClientBuilder clientSecretJwt() {
        return Client.builder(new ClientId("partner")).authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_JWT)
                .secret(HASH).sealedSecret(SEALED);
    }

    @Test
    void assertionAlgorithmsWhenPrivateKeyJwtWithoutAlgThenRs256Ps256Es256EdDsa() {
        assertEquals(Set.of(AssertionSigningAlgorithm.RS256, AssertionSigningAlgorithm.PS256, AssertionSigningAlgorithm.ES256,
                        AssertionSigningAlgorithm.EDDSA),
                privateKeyJwt().build().assertionAlgorithms());
    }

    @Test
    void assertionAlgorithmsWhenClientSecretJwtWithoutAlgThenHmacOnly() {
        assertEquals(Set.of(AssertionSigningAlgorithm.HS256, AssertionSigningAlgorithm.HS384, AssertionSigningAlgorithm.HS512),
                clientSecretJwt().build().assertionAlgorithms());
    }

    @Test
    void assertionAlgorithmsWhenAlgRegisteredThenOnlyIt() { // OIDC Registration §2
        Client client = privateKeyJwt().authSigningAlgorithm(AssertionSigningAlgorithm.ES384).build();

        assertEquals(Set.of(AssertionSigningAlgorithm.ES384), client.assertionAlgorithms());
    }

    @Test
    void assertionAlgorithmsWhenBasicThenEmpty() {
        assertEquals(Set.of(), Client.builder(new ClientId("c")).secret(HASH).build().assertionAlgorithms());
    }

    @Test
    void buildWhenHmacAlgWithPrivateKeyJwtThenIllegalArgument() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> privateKeyJwt().authSigningAlgorithm(AssertionSigningAlgorithm.HS256).build());

        assertEquals("token_endpoint_auth_signing_alg HS256 does not fit token_endpoint_auth_method private_key_jwt",
                thrown.getMessage());
    }

    @Test
    void buildWhenPublicKeyAlgWithClientSecretJwtThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class,
                () -> clientSecretJwt().authSigningAlgorithm(AssertionSigningAlgorithm.RS256).build());
    }

    @Test
    void buildWhenSealedSecretWithBasicThenIllegalArgument() {
        ClientBuilder builder = clientSecretJwt();
        Client basic = builder.build().toBuilder().build();

        assertThrows(IllegalArgumentException.class, () -> new Client(basic.id(), basic.name(),
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, basic.secret(), Set.of(), Set.of(), basic.scopes(),
                basic.redirectUris(), basic.postLogoutRedirectUris(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), basic.lifetimes(), false, false, Optional.empty(), Optional.of(SEALED)));
    }

    @Test
    void authenticationMethodWhenChangedFromClientSecretJwtThenSealedSecretDropped() {
        Client client = clientSecretJwt().build().toBuilder()
                .authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC).build();

        assertEquals(Optional.empty(), client.sealedSecret());
    }

    @Test
    void toBuilderWhenRebuiltThenKeepsAssertionSettings() {
        Client client = clientSecretJwt().authSigningAlgorithm(AssertionSigningAlgorithm.HS512).build();

        assertEquals(client, client.toBuilder().build());
    }

    @Test
    void fromJwsNameWhenNoneThenEmpty() { // OIDC Core §9
        assertEquals(Optional.empty(), AssertionSigningAlgorithm.fromJwsName("none"));
        assertEquals(Optional.empty(), AssertionSigningAlgorithm.fromJwsName("rs256"));
    }

    @Test
    void sealedSecretToStringWhenPrintedThenRedacted() {
        assertEquals("SealedSecret[redacted]", SEALED.toString());
    }
}
