package dev.portcullis.oauth.runtime.operations;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code /metrics}: every meter in the Prometheus text format, for a scraper on the private network.
 * It names endpoints, grant types, jobs and error codes (never a client, secret or token), which is still more than
 * the public should see: block the path at the load balancer, or turn it off with
 * {@code PORTCULLIS_METRICS_ENABLED=false}.
 */
@Path("metrics")
public final class MetricsResource {

    private final PrometheusMetrics metrics;

    /** @param metrics the registry to scrape */
    public MetricsResource(PrometheusMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** The scrape. */
    @GET
    public Response scrape() {
        return Response.ok(metrics.scrape().getBytes(StandardCharsets.UTF_8))
                .type(PrometheusMetrics.CONTENT_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
