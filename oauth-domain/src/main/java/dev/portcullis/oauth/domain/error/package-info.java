/**
 * The OAuth error model: error codes of RFC 6749 and its extensions, and the exception that carries them.
 * Knows nothing of HTTP; the REST adapter decides status codes and headers.
 */
package dev.portcullis.oauth.domain.error;
