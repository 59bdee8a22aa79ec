/**
 * The UserInfo endpoint (OIDC Core §5.3): validates a bearer access token and releases the claims its scopes allow.
 */
package dev.portcullis.oauth.application.userinfo;
