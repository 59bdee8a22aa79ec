/**
 * Client registrations stored in {@code oauth_client} and its child tables, behind the ClientRepository port.
 */
package dev.portcullis.oauth.adapters.persistence.client;
