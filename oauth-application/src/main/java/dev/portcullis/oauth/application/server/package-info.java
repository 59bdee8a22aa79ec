/**
 * Assembly of the protocol core from ports: the entry point for embedders and the runtime.
 */
package dev.portcullis.oauth.application.server;
