package dev.portcullis.oauth.runtime.operations;

import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Times every request Jersey serves ({@code http_server_requests_seconds}, with fixed SLO buckets)
 * by endpoint, method, status and outcome, and counts OAuth error responses by error code
 * ({@code portcullis_oauth_errors_total}). The endpoint is the matched path template
 * ({@code /admin/clients/{client_id}}), never the raw path or query, and {@code UNMATCHED} when no
 * resource matched, so that no request can add label values. Meters are made once per label set
 * and then looked up without a lock; one listener serves every request. Thread-safe.
 */
public final class HttpRequestMetrics implements ApplicationEventListener, RequestEventListener {

    /** The request timer's name. */
    static final String REQUESTS = "http.server.requests";
    /** The OAuth error counter's name. */
    static final String ERRORS = "portcullis.oauth.errors";
    /** The endpoint of a request no resource matched. */
    static final String UNMATCHED = "UNMATCHED";

    private static final String STARTED = HttpRequestMetrics.class.getName() + ".started";
    private static final String ERROR_CODE = HttpRequestMetrics.class.getName() + ".error";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final Map<RequestKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<ErrorKey, Counter> errors = new ConcurrentHashMap<>();

    /** @param registry where the meters go */
    public HttpRequestMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Nothing to record about the application's own lifecycle.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent event) {
        event.getContainerRequest().setProperty(STARTED, System.nanoTime());
        return this;
    }

    @Override
    public void onEvent(RequestEvent event) {
        if (event.getType() == RequestEvent.Type.ON_EXCEPTION) {
            String code = errorCode(event.getException());
            if (code != null) {
                event.getContainerRequest().setProperty(ERROR_CODE, code);
            }
            return;
        }
        if (event.getType() != RequestEvent.Type.FINISHED) {
            return;
        }
        ContainerRequest request = event.getContainerRequest();
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long startNanos)) {
            return;
        }
        long took = System.nanoTime() - startNanos;
        ContainerResponse response = event.getContainerResponse();
        int status = response == null ? 500 : response.getStatus();
        String endpoint = endpoint(event.getUriInfo());
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        timer(new RequestKey(endpoint, method, status)).record(took, TimeUnit.NANOSECONDS);
        Object code = request.getProperty(ERROR_CODE);
        String error = code instanceof String value ? value : status >= 500 ? "server_error" : null;
        if (error != null) {
            errorCounter(new ErrorKey(endpoint, error)).increment();
        }
    }

    /** The matched templates, outermost first; Jersey lists them innermost first. */
    static String endpoint(ExtendedUriInfo uriInfo) {
        if (uriInfo == null || uriInfo.getMatchedResourceMethod() == null) {
            return UNMATCHED;
        }
        List<UriTemplate> templates = uriInfo.getMatchedTemplates();
        StringBuilder path = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String template = templates.get(i).getTemplate();
            if (template.isEmpty() || "/".equals(template)) {
                continue;
            }
            if (path.length() > 0 && path.charAt(path.length() - 1) == '/' && template.startsWith("/")) {
                path.append(template, 1, template.length());
            } else {
                if (!template.startsWith("/")) {
                    path.append('/');
                }
                path.append(template);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** The OAuth error code of {@code exception} or of what it wraps, or null when it carries none. */
    private static String errorCode(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof OAuthException oauth) {
                return oauth.error().code().value();
            }
            if (cause instanceof ServiceUnavailableException) {
                return "temporarily_unavailable";
            }
        }
        return null;
    }

    private Timer timer(RequestKey key) {
        Timer timer = timers.get(key);
        return timer != null ? timer : timers.computeIfAbsent(key, k -> Timer.builder(REQUESTS)
                .description("HTTP requests, by matched path template")
                .tag("uri", k.endpoint())
                .tag("method", k.method())
                .tag("status", Integer.toString(k.status()))
                .tag("outcome", outcome(k.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
    }

    private Counter errorCounter(ErrorKey key) {
        Counter counter = errors.get(key);
        return counter != null ? counter : errors.computeIfAbsent(key, k -> Counter.builder(ERRORS)
                .description("OAuth error responses, by endpoint and error code")
                .tag("uri", k.endpoint())
                .tag("error", k.code())
                .register(registry));
    }

    private static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        }
        if (status < 300) {
            return "SUCCESS";
        }
        if (status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }

    private record RequestKey(String endpoint, String method, int status) {
    }

    private record ErrorKey(String endpoint, String code) {
    }
}
