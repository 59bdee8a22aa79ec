/**
 * Strict reading of application/x-www-form-urlencoded request bodies: content type, size limit, decoding, repeats.
 */
package dev.portcullis.oauth.adapters.rest.form;
