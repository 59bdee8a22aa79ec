package dev.portcullis.oauth.domain.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenHashTest {

    /** FIPS 180-2 Appendix B.1: SHA-256("abc"). */
    private static final byte[] ABC = HexFormat.of()
            .parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    @Test
    void sha256WhenKnownVectorThenFipsDigest() {
        assertArrayEquals(ABC, TokenHash.sha256("abc"));
    }

    @Test
    void ofWhenKnownVectorThenUnpaddedBase64UrlOfTheDigest() {
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(ABC), TokenHash.of("abc"));
        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", TokenHash.of("abc"));
    }

    @Test
    void ofWhenCalledAgainOnTheSameThreadThenTheDigestWasReset() {
        TokenHash.of("something else first");

        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", TokenHash.of("abc"));
    }

    @Test
    void ofWhenManyThreadsAtOnceThenEachGetsItsOwnValuesHash() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 2_000)
                    .mapToObj(i -> pool.submit(() -> TokenHash.of("value-" + i)
                            .equals(Base64.getUrlEncoder().withoutPadding().encodeToString(
                                    MessageDigest.getInstance("SHA-256")
                                            .digest(("value-" + i).getBytes(StandardCharsets.UTF_8))))))
                    .toList();
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
