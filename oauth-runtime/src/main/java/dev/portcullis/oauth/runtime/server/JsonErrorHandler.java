package dev.portcullis.oauth.runtime.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Jersey (a malformed request line, headers too
 * large, a URI too long) get an OAuth-style JSON body instead of Jetty's HTML page, and never a
 * stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final byte[] CLIENT_ERROR = ("{\"error\":\"invalid_request\","
            + "\"error_description\":\"The HTTP request is malformed.\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] SERVER_ERROR = ("{\"error\":\"server_error\","
            + "\"error_description\":\"The server could not handle the request.\"}").getBytes(StandardCharsets.UTF_8);

    JsonErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        byte[] body = status >= 500 ? SERVER_ERROR : CLIENT_ERROR;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
