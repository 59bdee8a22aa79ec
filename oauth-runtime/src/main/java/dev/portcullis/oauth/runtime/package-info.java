/**
 * The standalone server: command line, wiring of every module, HTTP server and lifecycle.
 */
package dev.portcullis.oauth.runtime;
