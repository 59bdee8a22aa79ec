/**
 * What the token endpoint grants and returns: the access grant, token values and the token response.
 */
package dev.portcullis.oauth.domain.token;
