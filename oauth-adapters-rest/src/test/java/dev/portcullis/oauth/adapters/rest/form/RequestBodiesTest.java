package dev.portcullis.oauth.adapters.rest.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void readWhenBodyAtLimitThenWholeBody() throws IOException {
        byte[] body = new byte[16];

        Optional<byte[]> read = RequestBodies.read(new ByteArrayInputStream(body), 16, 16);

        assertArrayEquals(body, read.orElseThrow());
    }

    @Test
    void readWhenDeclaredLengthMatchesThenExactlyTheBody() throws IOException {
        byte[] body = "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII);

        Optional<byte[]> read = RequestBodies.read(new ByteArrayInputStream(body), body.length, 64);

        assertArrayEquals(body, read.orElseThrow());
    }

    @Test
    void readWhenStreamEndsBeforeDeclaredLengthThenWhatArrived() throws IOException {
        Optional<byte[]> read = RequestBodies.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10, 64);

        assertArrayEquals(new byte[] {1, 2, 3}, read.orElseThrow());
    }

    @Test
    void readWhenStreamLongerThanDeclaredWithinLimitThenTheWholeStream() throws IOException {
        byte[] body = {1, 2, 3, 4, 5, 6};

        Optional<byte[]> read = RequestBodies.read(new ByteArrayInputStream(body), 2, 64);

        assertArrayEquals(body, read.orElseThrow());
    }

    @Test
    void readWhenStreamLongerThanDeclaredAndOverLimitThenEmptyAndDiscarded() throws IOException {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[1_000]);

        Optional<byte[]> read = RequestBodies.read(body, 8, 16);

        assertTrue(read.isEmpty(), "a body over the limit is refused whatever its declared length");
        assertEquals(0, body.available());
    }

    @Test
    void readWhenDeclaredEmptyThenEmptyBody() throws IOException {
        assertArrayEquals(new byte[0], RequestBodies.read(new ByteArrayInputStream(new byte[0]), 0, 16).orElseThrow());
    }

    @Test
    void readWhenStreamedBodyOverLimitThenEmptyAndTheRestDiscarded() throws IOException {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[100_000]);

        Optional<byte[]> read = RequestBodies.read(body, -1, 16);

        assertTrue(read.isEmpty());
        assertEquals(0, body.available(), "the client can read the refusal only once its body is read");
    }

    @Test
    void readWhenDeclaredLengthOverLimitThenEmptyAndTheBodyDiscarded() throws IOException {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[100_000]);

        Optional<byte[]> read = RequestBodies.read(body, 100_000, 16);

        assertTrue(read.isEmpty());
        assertEquals(0, body.available());
    }

    @Test
    void readWhenDeclaredLengthOverDiscardLimitThenEmptyWithoutReading() throws IOException {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[64]);

        Optional<byte[]> read = RequestBodies.read(body, RequestBodies.DISCARD_LIMIT + 1, 16);

        assertTrue(read.isEmpty());
        assertEquals(64, body.available());
    }

    @Test
    void readWhenStreamedBodyOverDiscardLimitThenStopsAtTheDiscardLimit() throws IOException {
        int extra = 4096;
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[(int) RequestBodies.DISCARD_LIMIT + extra]);

        Optional<byte[]> read = RequestBodies.read(body, -1, 16);

        assertTrue(read.isEmpty());
        assertEquals(extra, body.available());
    }

    @Test
    void readWhenClientGoesAwayWhileDiscardingThenStillEmpty() throws IOException {
        InputStream breaksAfterLimit = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 16) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };

        Optional<byte[]> read = RequestBodies.read(breaksAfterLimit, -1, 16);

        assertTrue(read.isEmpty());
    }
}
