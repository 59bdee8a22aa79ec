/**
 * JSON response bodies, written as bytes by one shared, pre-built Jackson writer.
 */
package dev.portcullis.oauth.adapters.rest.json;
