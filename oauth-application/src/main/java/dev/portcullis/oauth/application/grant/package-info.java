/**
 * The GrantHandler SPI, its registry and the token endpoint use case ({@link dev.portcullis.oauth.application.grant.IssueToken}).
 * Custom grants implement {@link dev.portcullis.oauth.application.grant.GrantHandler}.
 */
package dev.portcullis.oauth.application.grant;
