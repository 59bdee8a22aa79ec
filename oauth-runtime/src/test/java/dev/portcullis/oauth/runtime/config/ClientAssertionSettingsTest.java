package dev.portcullis.oauth.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.client.AssertionSigningAlgorithm;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client metadata of private_key_jwt and client_secret_jwt in the configuration file (OIDC Core §9, RFC 7591 §2). */
class ClientAssertionSettingsTest {

    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String JWKS = "{\"keys\": [{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"f83O\", \"y\": \"x_FE\"}]}";
    private static final Map<String, String> PRODUCTION = Map.of("PORTCULLIS_MODE", "production",
            "PORTCULLIS_ISSUER", "https://auth.example.com", "PORTCULLIS_DB_URL", "jdbc:postgresql://db/portcullis",
            "PORTCULLIS_MASTER_KEY", MASTER_KEY);

    @TempDir
    Path dir;

    private Path write(String clientKeys) throws IOException {
        return Files.writeString(dir.resolve("portcullis.yaml"), "clients:\n  - client_id: partner\n"
                + "    grant_types: [client_credentials]\n" + clientKeys);
    }

    private Client load(String clientKeys) throws IOException {
        return new SettingsLoader(Map.of()).load(write(clientKeys)).clients().get(0).client();
    }

    private String error(Map<String, String> env, String clientKeys) throws IOException {
        Path file = write(clientKeys);
        return assertThrows(ConfigurationException.class, () -> new SettingsLoader(env).load(file)).getMessage();
    }

    private String error(String clientKeys) throws IOException {
        return error(Map.of(), clientKeys);
    }

    @Test
    void loadWhenPrivateKeyJwtWithJwksAndAlgThenParsed() throws IOException {
        Client client = load("    token_endpoint_auth_method: private_key_jwt\n    token_endpoint_auth_signing_alg: ES256\n"
                + "    jwks: " + JWKS + "\n");

        assertEquals(ClientAuthenticationMethod.PRIVATE_KEY_JWT, client.authenticationMethod());
        assertEquals(Optional.of(AssertionSigningAlgorithm.ES256), client.authSigningAlgorithm());
        assertEquals(Optional.empty(), client.secret());
    }

    @Test
    void loadWhenJwksUriHttpOnLoopbackInDevelopmentThenParsed() throws IOException {
        Client client = load("    token_endpoint_auth_method: private_key_jwt\n    jwks_uri: http://127.0.0.1:9999/jwks\n");

        assertEquals(Optional.of(URI.create("http://127.0.0.1:9999/jwks")), client.jwksUri());
    }

    @Test
    void loadWhenJwksUriHttpElsewhereThenErrorNamesTheKey() throws IOException {
        assertEquals("clients[0].jwks_uri: must be an https URL (http only on a loopback host in development)",
                error("    token_endpoint_auth_method: private_key_jwt\n    jwks_uri: http://partner.example.com/jwks\n"));
    }

    @Test
    void loadWhenJwksUriHttpOnLoopbackInProductionThenErrorNamesTheKey() throws IOException {
        assertEquals("clients[0].jwks_uri: must be an https URL in production mode", error(PRODUCTION,
                "    token_endpoint_auth_method: private_key_jwt\n    jwks_uri: http://127.0.0.1:9999/jwks\n"));
    }

    @Test
    void loadWhenJwksUriHttpsInProductionThenParsed() throws IOException {
        Path file = write("    token_endpoint_auth_method: private_key_jwt\n    jwks_uri: https://partner.example.com/jwks\n");

        RuntimeSettings settings = new SettingsLoader(PRODUCTION).load(file);

        assertEquals(Optional.of(URI.create("https://partner.example.com/jwks")), settings.clients().get(0).client().jwksUri());
    }

    @Test
    void loadWhenJwksHoldsPrivateKeyThenErrorNamesTheKey() throws IOException {
        assertEquals("clients[0].jwks.keys[0]: must be a public key (no d, no k, no kty oct)",
                error("    token_endpoint_auth_method: private_key_jwt\n    jwks: {\"keys\": [{\"kty\": \"EC\", \"d\": \"secret\"}]}\n"));
    }

    @Test
    void loadWhenJwksHoldsSymmetricKeyThenErrorNamesTheKey() throws IOException {
        assertEquals("clients[0].jwks.keys[0]: must be a public key (no d, no k, no kty oct)",
                error("    token_endpoint_auth_method: private_key_jwt\n    jwks: {\"keys\": [{\"kty\": \"oct\", \"k\": \"c2VjcmV0\"}]}\n"));
    }

    @Test
    void loadWhenPrivateKeyJwtWithoutKeysThenError() throws IOException {
        assertEquals("clients[0].client_id (partner): token_endpoint_auth_method private_key_jwt needs jwks or jwks_uri",
                error("    token_endpoint_auth_method: private_key_jwt\n"));
    }

    @Test
    void loadWhenJwksAndJwksUriBothThenError() throws IOException { // RFC 7591 §2
        assertEquals("clients[0].client_id (partner): jwks_uri and jwks must not both be present (RFC 7591 §2)",
                error("    token_endpoint_auth_method: private_key_jwt\n    jwks_uri: https://partner.example.com/jwks\n"
                        + "    jwks: " + JWKS + "\n"));
    }

    @Test
    void loadWhenSigningAlgUnknownThenErrorNamesTheKey() throws IOException {
        assertEquals("clients[0].token_endpoint_auth_signing_alg: unknown algorithm; use one of "
                        + "RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA, HS256, HS384, HS512",
                error("    token_endpoint_auth_method: private_key_jwt\n    token_endpoint_auth_signing_alg: none\n"
                        + "    jwks: " + JWKS + "\n"));
    }

    @Test
    void loadWhenHmacAlgWithPrivateKeyJwtThenError() throws IOException {
        assertEquals("clients[0].client_id (partner): token_endpoint_auth_signing_alg HS256 does not fit "
                        + "token_endpoint_auth_method private_key_jwt",
                error("    token_endpoint_auth_method: private_key_jwt\n    token_endpoint_auth_signing_alg: HS256\n"
                        + "    jwks: " + JWKS + "\n"));
    }

    @Test
    void loadWhenClientSecretJwtWithClearSecretThenSecretKeptForSealing() throws IOException {
        Path file = write("    token_endpoint_auth_method: client_secret_jwt\n"
                + "    client_secret: 0123456789abcdef0123456789abcdef\n");

        ClientEntry entry = new SettingsLoader(Map.of()).load(file).clients().get(0);

        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_JWT, entry.client().authenticationMethod());
        assertEquals("0123456789abcdef0123456789abcdef", entry.secret().orElseThrow().value());
    }

    @Test
    void loadWhenClientSecretJwtWithHashThenErrorNamesTheKey() throws IOException {
        assertEquals("clients[0].client_secret_hash: token_endpoint_auth_method client_secret_jwt needs client_secret "
                        + "in clear (it is stored encrypted)",
                error("    token_endpoint_auth_method: client_secret_jwt\n    client_secret_hash: $pbkdf2-sha256$i=1$a$b\n"));
    }

    @Test
    void loadWhenClientSecretJwtWithShortSecretThenErrorNamesTheKey() throws IOException { // RFC 7518 §3.2
        assertEquals("clients[0].client_secret: must be at least 32 characters for client_secret_jwt (RFC 7518 §3.2)",
                error("    token_endpoint_auth_method: client_secret_jwt\n    client_secret: only-twenty-chars-xx\n"));
    }

    @Test
    void loadWhenNoAssertionLifetimeThenFiveMinutes() {
        assertEquals(Duration.ofMinutes(5), new SettingsLoader(Map.of()).load().clientAssertionMaxLifetime());
    }

    @Test
    void loadWhenAssertionLifetimeInEnvironmentThenUsed() {
        RuntimeSettings settings = new SettingsLoader(Map.of("PORTCULLIS_CLIENT_ASSERTION_MAX_LIFETIME", "60")).load();

        assertEquals(Duration.ofSeconds(60), settings.clientAssertionMaxLifetime());
    }

    @Test
    void loadWhenAssertionLifetimeOutOfRangeThenErrorNamesTheKey() throws IOException {
        Path file = Files.writeString(dir.resolve("portcullis.yaml"), "tokens:\n  client_assertion_max_lifetime: 7200\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class, () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("tokens.client_assertion_max_lifetime: must be between 1 and 3600", thrown.getMessage());
    }
}
