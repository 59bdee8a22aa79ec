package dev.portcullis.oauth.runtime.crypto;

/** Where the native provider comes from: {@link Accp} in the server, a stand-in in tests. */
@FunctionalInterface
interface NativeProviderSource {

    /**
     * The native provider, loaded and healthy.
     *
     * @throws NativeProviderUnavailableException saying why it cannot be used on this platform
     */
    NativeProvider load();
}
