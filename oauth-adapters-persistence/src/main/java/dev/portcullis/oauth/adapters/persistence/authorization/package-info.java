/**
 * Authorization codes stored by hash in {@code authorization_code}, redeemed by one conditional
 * UPDATE, behind the AuthorizationCodeRepository port.
 */
package dev.portcullis.oauth.adapters.persistence.authorization;
