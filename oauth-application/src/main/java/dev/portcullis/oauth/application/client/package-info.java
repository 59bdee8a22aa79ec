/**
 * Client authentication at the token endpoint (RFC 6749 §2.3) and client secret hashing.
 * The hot path verifies a secret in microseconds after its first slow check.
 */
package dev.portcullis.oauth.application.client;
