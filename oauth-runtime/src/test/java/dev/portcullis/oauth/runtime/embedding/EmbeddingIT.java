package dev.portcullis.oauth.runtime.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.adapters.rest.PortcullisFeature;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.runtime.server.FreePorts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.Test;

/**
 * README "Embedding": the protocol core without oauth-runtime, on in-memory adapters, mounted in
 * a host's own JAX-RS application beside the host's own resource.
 */
class EmbeddingIT {

    /** A resource of the host application. */
    @Path("/hello")
    public static final class HostResource {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String hello() {
            return "host";
        }
    }

    @Test
    void hostApplicationWhenCoreRegisteredThenIssuesTokensBesideItsOwnResources() throws Exception {
        int port = FreePorts.next();
        URI issuer = URI.create("http://127.0.0.1:" + port);
        SecureRandom random = new SecureRandom();
        Pbkdf2SecretHasher hasher = new Pbkdf2SecretHasher(random, 1000);
        InMemoryClientRepository clients = new InMemoryClientRepository();
        InMemoryScopeRepository scopes = new InMemoryScopeRepository();
        scopes.save(new ScopeDefinition(new Scope("reports"), "Read reports"));
        clients.save(Client.builder(new ClientId("host-job")).secret(hasher.hash(new ClientSecret("s3cret-s3cret")))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).scopes(ScopeSet.of("reports")).build());
        AuthorizationServer core = AuthorizationServer.builder(ServerSettings.of(issuer))
                .clients(clients).scopes(scopes)
                .signingKeys(new InMemorySigningKeyRepository(), MasterKey.generate(random))
                .clock(Clock.systemUTC()).random(random).secretHasher(hasher)
                .enableGrant(GrantType.CLIENT_CREDENTIALS)
                .build();
        ResourceConfig host = new ResourceConfig(HostResource.class)
                .register(new PortcullisFeature(core))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        Server server = JettyHttpContainerFactory.createServer(issuer, host, false);
        for (var connector : server.getConnectors()) {
            ((ServerConnector) connector).setHost("127.0.0.1");
        }
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String basic = Base64.getEncoder().encodeToString("host-job:s3cret-s3cret".getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> token = http.send(HttpRequest.newBuilder(issuer.resolve("/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=reports")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> hello = http.send(HttpRequest.newBuilder(issuer.resolve("/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(issuer.resolve("/jwks")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, token.statusCode(), token.body());
            assertEquals("host", hello.body());
            String accessToken = new com.fasterxml.jackson.databind.ObjectMapper().readTree(token.body())
                    .get("access_token").asText();
            SignedJWT jwt = SignedJWT.parse(accessToken);
            RSAKey key = JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
            assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
            assertTrue(jwt.verify(new RSASSAVerifier(key)));
            assertEquals("reports", jwt.getJWTClaimsSet().getStringClaim("scope"));
        } finally {
            server.stop();
        }
    }
}
