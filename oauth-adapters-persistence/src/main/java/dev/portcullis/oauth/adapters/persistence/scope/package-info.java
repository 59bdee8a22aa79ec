/**
 * Scope definitions stored in {@code oauth_scope}, behind the ScopeRepository port.
 */
package dev.portcullis.oauth.adapters.persistence.scope;
