/**
 * The http Identity Backend: an external identity service called over a small JSON contract,
 * guarded by Resilience4j timeouts, retry of idempotent calls, a circuit breaker and a bulkhead.
 */
package dev.portcullis.oauth.adapters.rest.identity;
