/**
 * Request rate limits per key (a client_id at the token endpoint, a username or a client address at
 * the login page), answered with 429 and {@code Retry-After} (RFC 6585 §4).
 */
package dev.portcullis.oauth.adapters.rest.limit;
