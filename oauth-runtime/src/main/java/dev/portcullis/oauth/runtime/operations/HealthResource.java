package dev.portcullis.oauth.runtime.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /health/live}: the process serves HTTP. {@code /health/ready}: it can serve requests, that
 * is, the database answers within a short timeout; 503 otherwise, so that a load balancer stops
 * sending traffic here. The identity service's circuit breaker state is reported too, but an open
 * circuit does not make the instance unready: every instance shares that service, and taking them
 * all out of rotation would also stop the token endpoint, which does not need it. Bodies name each
 * check and its status only, never a connection string, host or error message.
 */
@Path("health")
public final class HealthResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UP = "UP";
    private static final String DOWN = "DOWN";

    private final DatabaseCheck database;
    private final Optional<Supplier<String>> identityCircuit;

    /**
     * @param database        the database check
     * @param identityCircuit the identity service's circuit state, when the HTTP identity backend is used
     */
    public HealthResource(DatabaseCheck database, Optional<Supplier<String>> identityCircuit) {
        this.database = Objects.requireNonNull(database, "database");
        this.identityCircuit = Objects.requireNonNull(identityCircuit, "identityCircuit");
    }

    /** 200 {@code {"status":"UP"}} whenever the process answers at all. */
    @GET
    @Path("live")
    public Response live() {
        return json(200, Map.of("status", UP));
    }

    /** 200 with {@code "status":"UP"} when the database answers, 503 with {@code "DOWN"} otherwise. */
    @GET
    @Path("ready")
    public Response ready() {
        boolean databaseUp = database.isUp();
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("database", Map.of("status", databaseUp ? UP : DOWN));
        identityCircuit.ifPresent(circuit -> {
            String state = circuit.get();
            checks.put("identity_backend", Map.of("status", "CLOSED".equals(state) ? UP : DOWN, "circuit", state));
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", databaseUp ? UP : DOWN);
        body.put("checks", checks);
        return json(databaseUp ? 200 : 503, body);
    }

    private static Response json(int status, Map<String, Object> body) {
        try {
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .entity(JSON.writeValueAsBytes(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
