/**
 * The resource servers (RFC 8707) in the {@code resource_server} tables.
 */
package dev.portcullis.oauth.adapters.persistence.resource;
