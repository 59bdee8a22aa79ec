/**
 * Authorization codes stored by hash in {@code authorization_code}, redeemed by one conditional
 * UPDATE, behind the AuthorizationCodeRepository port; pending authorization requests in
 * {@code pending_authorization}, behind the PendingAuthorizationStore port.
 */
package dev.portcullis.oauth.adapters.persistence.authorization;
