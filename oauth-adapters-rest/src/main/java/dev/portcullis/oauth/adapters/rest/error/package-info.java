/**
 * The one place that turns failures into HTTP: RFC 6749 §5.2 error bodies, status codes and headers.
 */
package dev.portcullis.oauth.adapters.rest.error;
