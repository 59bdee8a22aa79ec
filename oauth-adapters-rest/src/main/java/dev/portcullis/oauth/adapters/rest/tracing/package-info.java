/**
 * Request correlation: the X-Request-Id header and the request_id in the logging MDC.
 */
package dev.portcullis.oauth.adapters.rest.tracing;
