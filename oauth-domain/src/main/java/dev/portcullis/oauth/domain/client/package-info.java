/**
 * OAuth clients as registered (RFC 6749 §2, RFC 7591 metadata) and their credentials.
 */
package dev.portcullis.oauth.domain.client;
