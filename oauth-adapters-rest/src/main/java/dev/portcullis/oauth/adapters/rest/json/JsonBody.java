package dev.portcullis.oauth.adapters.rest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Objects;

/**
 * Writes response bodies as UTF-8 JSON bytes with one writer built once: a Jackson
 * {@link ObjectWriter} is immutable and thread-safe, so no request allocates a mapper.
 * The REST adapter does not use jersey-media-json-jackson; resources hand Jersey the bytes.
 */
public final class JsonBody {

    /** The media type of every JSON body the adapter writes. */
    public static final String MEDIA_TYPE = "application/json";

    /** {@link #MEDIA_TYPE} with the charset parameter, as RFC 6749 §5.1 shows it. */
    public static final String MEDIA_TYPE_UTF8 = "application/json;charset=UTF-8";

    /** {@link #MEDIA_TYPE_UTF8} parsed once: a response built with it skips Jersey's parse per request. */
    public static final MediaType JSON_UTF8 = MediaType.valueOf(MEDIA_TYPE_UTF8);

    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private JsonBody() {
    }

    /**
     * The JSON text of {@code object}, in the map's iteration order.
     *
     * @param object a JSON object whose values are strings, numbers, booleans, lists and maps
     * @return the UTF-8 bytes
     * @throws IllegalArgumentException when a value cannot be written as JSON
     */
    public static byte[] of(Map<String, ?> object) {
        Objects.requireNonNull(object, "object");
        try {
            return WRITER.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not writable as JSON", e);
        }
    }
}
