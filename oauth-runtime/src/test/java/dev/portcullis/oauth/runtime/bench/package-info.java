/**
 * JMH benchmarks, compiled only in the {@code bench} Maven profile and run on purpose, never by CI.
 */
package dev.portcullis.oauth.runtime.bench;
