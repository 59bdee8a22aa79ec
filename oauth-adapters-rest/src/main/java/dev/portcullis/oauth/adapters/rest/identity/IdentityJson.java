package dev.portcullis.oauth.adapters.rest.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON side of the contract in {@link HttpIdentityBackend}: the authenticate request and the
 * user document {@code {"sub": "...", "claims": {...}}}. Parse errors never quote the body.
 */
final class IdentityJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IdentityJson() {
    }

    /** {@code {"username": "...", "password": "..."}} as UTF-8 bytes. */
    static byte[] credentials(Username username, Password password) {
        ObjectNode body = MAPPER.createObjectNode().put("username", username.value()).put("password", password.value());
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // Strings always serialise; reaching this is a Jackson defect.
            throw new IllegalStateException("credentials not writable as JSON", e);
        }
    }

    /**
     * The user in a 200 response body. {@code claims} may be absent; a {@code claims.sub} equal to
     * {@code sub} is dropped, and claims whose value is {@code null} are left out.
     *
     * @throws UnexpectedResponseException when the body is not such a document
     */
    static UserClaims user(byte[] body) throws UnexpectedResponseException {
        JsonNode root = tree(body);
        JsonNode sub = root.get("sub");
        if (sub == null || !sub.isTextual() || !isSubject(sub.textValue())) {
            throw new UnexpectedResponseException("identity response has no valid sub");
        }
        Subject subject = new Subject(sub.textValue());
        JsonNode claims = root.get("claims");
        if (claims == null || claims.isNull()) {
            return new UserClaims(subject, Map.of());
        }
        if (!claims.isObject()) {
            throw new UnexpectedResponseException("identity response claims is not an object");
        }
        return new UserClaims(subject, claimValues(claims, subject));
    }

    private static JsonNode tree(byte[] body) throws UnexpectedResponseException {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (IOException e) {
            // Fall through: Jackson's message would quote the body.
        }
        throw new UnexpectedResponseException("identity response is not a JSON object");
    }

    private static Map<String, Object> claimValues(JsonNode claims, Subject subject) throws UnexpectedResponseException {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : claims.properties()) {
            if (field.getKey().equals("sub")) {
                if (!field.getValue().isTextual() || !field.getValue().textValue().equals(subject.value())) {
                    throw new UnexpectedResponseException("identity response claims.sub differs from sub");
                }
            } else if (!field.getValue().isNull()) {
                values.put(field.getKey(), MAPPER.convertValue(field.getValue(), Object.class));
            }
        }
        return values;
    }

    private static boolean isSubject(String value) {
        try {
            new Subject(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
