/**
 * Facts the protocol core reports for others to act on (audit, metrics) through the EventPublisher port.
 */
package dev.portcullis.oauth.domain.event;
