package dev.portcullis.oauth.runtime.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartupWarmUpTest {

    @Test
    void jerseyWhenWarmedUpThenItsFormPostRanTheWholeRequestPath() {
        // A warm-up that failed early would leave the classes it is there to load unloaded, silently.
        assertEquals(200, StartupWarmUp.jersey());
    }

    @Test
    void startWhenRunThenCompletesWithoutFailing() {
        assertDoesNotThrow(() -> StartupWarmUp.start().get(60, TimeUnit.SECONDS));
    }
}
