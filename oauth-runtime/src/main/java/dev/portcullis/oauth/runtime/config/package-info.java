/**
 * Typed configuration from a YAML file and PORTCULLIS_* environment variables, validated at start.
 */
package dev.portcullis.oauth.runtime.config;
