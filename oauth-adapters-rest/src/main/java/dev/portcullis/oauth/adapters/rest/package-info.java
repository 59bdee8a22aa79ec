/**
 * The inbound REST adapter: {@link dev.portcullis.oauth.adapters.rest.PortcullisFeature} mounts the OAuth endpoints on any JAX-RS application.
 */
package dev.portcullis.oauth.adapters.rest;
