/** The command line of the server jar: serve, migrate, clients, keys and config commands (picocli). */
package dev.portcullis.oauth.runtime.cli;
