package dev.portcullis.oauth.adapters.rest.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.oauth.adapters.rest.client.BasicAuthorization;
import dev.portcullis.oauth.adapters.rest.form.RequestBodies;
import dev.portcullis.oauth.adapters.rest.json.JsonBody;
import dev.portcullis.oauth.application.admin.AdminApi;
import dev.portcullis.oauth.application.admin.ManageClients;
import dev.portcullis.oauth.application.admin.RevokeTokens;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.client.ClientMetadata;
import dev.portcullis.oauth.application.key.KeyImport;
import dev.portcullis.oauth.application.key.RotationOutcome;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.user.Subject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The admin REST API (DESIGN.md "Endpoints"), JSON in and out, every call authenticated with
 * HTTP Basic as a confidential client registered with the {@code admin} scope
 * ({@link dev.portcullis.oauth.application.admin.AdminAccess}):
 * <ul>
 *   <li>{@code GET /admin/clients}, {@code POST /admin/clients} (RFC 7591 metadata; 201 with the
 *       registration and, when the server generated it, {@code client_secret} once),
 *       {@code GET|PUT|DELETE /admin/clients/{id}}, {@code POST /admin/clients/{id}/secret}
 *       (a new generated secret, once), {@code POST /admin/clients/{id}/revoke-tokens};</li>
 *   <li>{@code GET /admin/keys}, {@code POST /admin/keys/rotate} ({@code {"alg": …}}),
 *       {@code POST /admin/keys/import} ({@code {"alg", "key", "kid", "state"}});</li>
 *   <li>{@code GET /admin/scopes}, {@code PUT|DELETE /admin/scopes/{name}} ({@code {"description": …}});</li>
 *   <li>{@code GET /admin/users/{sub}/consents}, {@code DELETE /admin/users/{sub}/consents/{client_id}},
 *       {@code POST /admin/users/{sub}/revoke-tokens}.</li>
 * </ul>
 * Errors are OAuth error bodies: 401 with a Basic challenge without valid credentials, 403
 * {@code insufficient_scope} for a client that is no admin, 400 {@code invalid_client_metadata} /
 * {@code invalid_redirect_uri} / {@code invalid_request} for a bad body, 404 {@code not_found},
 * 409 {@code already_exists}, 413 for a body over 64 KiB. Responses carry
 * {@code Cache-Control: no-store}. Thread-safe.
 */
@Path("admin")
public final class AdminResource {

    /** The largest request body read. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final String CHALLENGE = "Basic realm=\"admin\"";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final AdminApi admin;

    public AdminResource(AdminApi admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    @GET
    @Path("clients")
    public Response listClients(@Context HttpHeaders headers) {
        authorize(headers);
        return ok(Map.of("clients", admin.clients().list().stream().map(ClientMetadata::toJson).toList()));
    }

    @POST
    @Path("clients")
    public Response createClient(@Context HttpHeaders headers, InputStream body) {
        ClientId caller = authorize(headers);
        ManageClients.Creation creation = admin.clients().create(caller, object(body));
        if (creation instanceof ManageClients.Creation.AlreadyExists exists) {
            return error(409, "already_exists", "A client with client_id " + exists.id().value() + " exists.");
        }
        ManageClients.Registered registered = ((ManageClients.Creation.Created) creation).registered();
        return json(201, registration(registered));
    }

    @GET
    @Path("clients/{id}")
    public Response getClient(@Context HttpHeaders headers, @PathParam("id") String id) {
        authorize(headers);
        return clientId(id).flatMap(admin.clients()::find)
                .map(client -> ok(ClientMetadata.toJson(client)))
                .orElseGet(AdminResource::notFound);
    }

    @PUT
    @Path("clients/{id}")
    public Response replaceClient(@Context HttpHeaders headers, @PathParam("id") String id, InputStream body) {
        ClientId caller = authorize(headers);
        Optional<ClientId> clientId = clientId(id);
        if (clientId.isEmpty()) {
            return notFound();
        }
        return admin.clients().replace(caller, clientId.get(), object(body))
                .map(registered -> ok(registration(registered)))
                .orElseGet(AdminResource::notFound);
    }

    @DELETE
    @Path("clients/{id}")
    public Response deleteClient(@Context HttpHeaders headers, @PathParam("id") String id) {
        ClientId caller = authorize(headers);
        boolean deleted = clientId(id).map(clientId -> admin.clients().delete(caller, clientId)).orElse(false);
        return deleted ? Response.noContent().build() : notFound();
    }

    @POST
    @Path("clients/{id}/secret")
    public Response rotateSecret(@Context HttpHeaders headers, @PathParam("id") String id) {
        ClientId caller = authorize(headers);
        return clientId(id).flatMap(clientId -> admin.clients().rotateSecret(caller, clientId)
                        .map(secret -> ok(Map.of("client_id", clientId.value(), "client_secret", secret.value()))))
                .orElseGet(AdminResource::notFound);
    }

    @POST
    @Path("clients/{id}/revoke-tokens")
    public Response revokeClientTokens(@Context HttpHeaders headers, @PathParam("id") String id) {
        ClientId caller = authorize(headers);
        Optional<ClientId> clientId = clientId(id);
        if (clientId.isEmpty()) {
            return notFound();
        }
        return ok(revoked(admin.users().revokeTokensOfClient(caller, clientId.get())));
    }

    @GET
    @Path("keys")
    public Response listKeys(@Context HttpHeaders headers) {
        authorize(headers);
        return ok(Map.of("keys", admin.keys().list().stream().map(AdminResource::key).toList()));
    }

    @POST
    @Path("keys/rotate")
    public Response rotateKey(@Context HttpHeaders headers, InputStream body) {
        ClientId caller = authorize(headers);
        SigningAlgorithm algorithm = algorithm(object(body).get("alg"));
        RotationOutcome outcome = admin.keys().rotate(caller, algorithm);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alg", outcome.algorithm().jwsName());
        json.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
        json.put("kid", outcome.nextKey().value());
        json.put("signs_from", outcome.signsFrom().toString());
        return ok(json);
    }

    @POST
    @Path("keys/import")
    public Response importKey(@Context HttpHeaders headers, InputStream body) {
        ClientId caller = authorize(headers);
        Map<String, Object> json = object(body);
        SigningAlgorithm algorithm = algorithm(json.get("alg"));
        if (!(json.get("key") instanceof String material) || material.isBlank()) {
            throw invalidRequest("The field key must hold the private key as a JWK or PEM text.");
        }
        Optional<KeyId> kid = Optional.empty();
        if (json.get("kid") != null) {
            kid = Optional.of(parsed(String.valueOf(json.get("kid")), KeyId::new,
                    "The field kid must be 1 to 128 characters of A-Z a-z 0-9 . _ -."));
        }
        KeyState state = switch (String.valueOf(json.getOrDefault("state", "next"))) {
            case "next" -> KeyState.NEXT;
            case "retired" -> KeyState.RETIRED;
            default -> throw invalidRequest("The field state must be next or retired.");
        };
        SigningKey key = admin.keys().importKey(caller, new KeyImport(material, algorithm, kid, state));
        return json(201, key(key));
    }

    @GET
    @Path("scopes")
    public Response listScopes(@Context HttpHeaders headers) {
        authorize(headers);
        return ok(Map.of("scopes", admin.scopes().list().stream().map(AdminResource::scope).toList()));
    }

    @PUT
    @Path("scopes/{name}")
    public Response putScope(@Context HttpHeaders headers, @PathParam("name") String name, InputStream body) {
        ClientId caller = authorize(headers);
        if (!Scope.isValid(name)) {
            throw invalidRequest("The scope name is not a valid scope-token (RFC 6749 section 3.3).");
        }
        Object description = object(body).getOrDefault("description", "");
        if (!(description instanceof String text) || text.length() > 1000) {
            throw invalidRequest("The field description must be a string of at most 1000 characters.");
        }
        ScopeDefinition definition = new ScopeDefinition(new Scope(name), text);
        boolean created = admin.scopes().put(caller, definition);
        return json(created ? 201 : 200, scope(definition));
    }

    @DELETE
    @Path("scopes/{name}")
    public Response deleteScope(@Context HttpHeaders headers, @PathParam("name") String name) {
        ClientId caller = authorize(headers);
        boolean deleted = Scope.isValid(name) && admin.scopes().delete(caller, new Scope(name));
        return deleted ? Response.noContent().build() : notFound();
    }

    @GET
    @Path("users/{sub}/consents")
    public Response listConsents(@Context HttpHeaders headers, @PathParam("sub") String sub) {
        authorize(headers);
        Subject subject = subject(sub);
        return ok(Map.of("sub", subject.value(),
                "consents", admin.users().consents(subject).stream().map(AdminResource::consent).toList()));
    }

    @DELETE
    @Path("users/{sub}/consents/{client_id}")
    public Response revokeConsent(@Context HttpHeaders headers, @PathParam("sub") String sub,
                                  @PathParam("client_id") String clientId) {
        ClientId caller = authorize(headers);
        Subject subject = subject(sub);
        Optional<ClientId> id = clientId(clientId);
        if (id.isEmpty()) {
            return notFound();
        }
        return admin.users().revokeConsent(caller, subject, id.get())
                .map(revoked -> ok(revoked(revoked)))
                .orElseGet(AdminResource::notFound);
    }

    @POST
    @Path("users/{sub}/revoke-tokens")
    public Response revokeUserTokens(@Context HttpHeaders headers, @PathParam("sub") String sub) {
        ClientId caller = authorize(headers);
        return ok(revoked(admin.users().revokeTokensOfUser(caller, subject(sub))));
    }

    /**
     * The admin client of the request.
     *
     * @throws AdminRefusal 401 with a Basic challenge without usable credentials
     * @throws OAuthException {@code invalid_client} or {@code insufficient_scope} from the use case
     */
    private ClientId authorize(HttpHeaders headers) {
        List<String> authorization = Optional.ofNullable(headers.getRequestHeader(HttpHeaders.AUTHORIZATION))
                .orElse(List.of());
        if (authorization.size() != 1) {
            throw new AdminRefusal(unauthorized());
        }
        ClientCredentials credentials;
        try {
            credentials = BasicAuthorization.parse(authorization.get(0));
        } catch (OAuthException e) {
            throw new AdminRefusal(unauthorized());
        }
        return admin.access().authorize(credentials);
    }

    private static Map<String, Object> object(InputStream body) {
        byte[] bytes;
        try {
            bytes = RequestBodies.read(body, -1, MAX_BODY_BYTES).orElseThrow(() -> new AdminRefusal(error(413,
                    StandardErrorCode.INVALID_REQUEST.value(), "The request body is too large.")));
        } catch (IOException e) {
            throw invalidRequest("The request body could not be read.");
        }
        try {
            Map<String, Object> object = JSON.readValue(bytes, OBJECT);
            if (object == null) {
                throw invalidRequest("The request body must be a JSON object.");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw invalidRequest("The request body must be a JSON object.");
        } catch (IOException e) {
            throw invalidRequest("The request body could not be read.");
        }
    }

    private static Map<String, Object> registration(ManageClients.Registered registered) {
        Map<String, Object> json = new LinkedHashMap<>(ClientMetadata.toJson(registered.client()));
        registered.issuedSecret().map(ClientSecret::value).ifPresent(secret -> json.put("client_secret", secret));
        return json;
    }

    /** A key as listed: its public JWK and lifecycle, never the private half. */
    private static Map<String, Object> key(SigningKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kid", key.id().value());
        json.put("alg", key.algorithm().jwsName());
        json.put("state", key.state().name().toLowerCase(Locale.ROOT));
        json.put("created_at", key.createdAt().toString());
        key.activatedAt().ifPresent(time -> json.put("activated_at", time.toString()));
        key.retiredAt().ifPresent(time -> json.put("retired_at", time.toString()));
        return json;
    }

    private static SigningAlgorithm algorithm(Object value) {
        if (!(value instanceof String name)) {
            throw invalidRequest("The field alg must name a signing algorithm, e.g. RS256.");
        }
        return SigningAlgorithm.fromJwsName(name)
                .orElseThrow(() -> invalidRequest("The field alg names an unknown signing algorithm."));
    }

    private static Map<String, Object> revoked(RevokeTokens.Revoked revoked) {
        return Map.of("grants_revoked", revoked.grants(), "opaque_access_tokens_revoked", revoked.opaqueAccessTokens());
    }

    private static Map<String, Object> scope(ScopeDefinition definition) {
        return Map.of("name", definition.scope().value(), "description", definition.description());
    }

    private static Map<String, Object> consent(Consent consent) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("client_id", consent.clientId().value());
        json.put("scope", consent.scope().toParameter());
        json.put("granted_at", consent.grantedAt().toString());
        return json;
    }

    private static Optional<ClientId> clientId(String value) {
        return ClientId.isValid(value) ? Optional.of(new ClientId(value)) : Optional.empty();
    }

    private static Subject subject(String value) {
        return parsed(value, Subject::new, "The sub is not a valid subject identifier.");
    }

    private static <T> T parsed(String value, Function<String, T> parse, String description) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw invalidRequest(description);
        }
    }

    private static OAuthException invalidRequest(String description) {
        return OAuthException.of(StandardErrorCode.INVALID_REQUEST, description);
    }

    private static Response ok(Map<String, ?> body) {
        return json(200, body);
    }

    private static Response json(int status, Map<String, ?> body) {
        return Response.status(status).type(JsonBody.MEDIA_TYPE_UTF8).header("Cache-Control", "no-store")
                .entity(JsonBody.of(body)).build();
    }

    private static Response notFound() {
        return error(404, "not_found", "There is no such resource.");
    }

    private static Response error(int status, String code, String description) {
        return json(status, Map.of("error", code, "error_description", description));
    }

    private static Response unauthorized() {
        return Response.fromResponse(error(401, StandardErrorCode.INVALID_CLIENT.value(),
                "Client authentication failed.")).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }
}
