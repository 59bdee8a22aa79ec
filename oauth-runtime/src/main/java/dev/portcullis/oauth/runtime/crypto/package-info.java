/**
 * The JCA provider that signs: the native Amazon Corretto Crypto Provider installed first at start
 * when it can be used, the JDK's providers otherwise (README "Performance").
 */
package dev.portcullis.oauth.runtime.crypto;
