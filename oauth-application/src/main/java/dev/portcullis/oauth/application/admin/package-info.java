/**
 * The admin API's use cases: who may call it, and the management of clients, scopes, consents and
 * the tokens of a user or a client. Every change is logged as an audit line naming the admin client
 * and what changed, never a secret.
 */
package dev.portcullis.oauth.application.admin;
