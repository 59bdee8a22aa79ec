/**
 * The token endpoint (RFC 6749 §3.2): parses the form, calls IssueToken and writes the RFC 6749 §5.1 response.
 */
package dev.portcullis.oauth.adapters.rest.token;
