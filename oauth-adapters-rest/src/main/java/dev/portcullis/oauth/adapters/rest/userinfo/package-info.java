/**
 * The UserInfo endpoint over HTTP (OIDC Core §5.3): reads the bearer token as RFC 6750 §2 allows and writes the claims.
 */
package dev.portcullis.oauth.adapters.rest.userinfo;
