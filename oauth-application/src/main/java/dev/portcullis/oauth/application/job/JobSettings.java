package dev.portcullis.oauth.application.job;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the background jobs run.
 *
 * @param keyRotationInterval how often the key rotation job checks the key schedule
 * @param keyRefreshInterval  how often each instance reloads the signing keys that other
 *                            instances may have changed; it bounds how late an instance publishes
 *                            a next key or stops signing with a retired one. Each instance reloads
 *                            its copy of the deny list as often, the backstop for a revocation
 *                            whose announcement was lost
 * @param pruneInterval       how often expired rows are pruned
 * @param pruneBatchSize      rows deleted per statement
 * @param pruneMaxBatches     statements per pruning run and table
 */
public record JobSettings(Duration keyRotationInterval, Duration keyRefreshInterval, Duration pruneInterval,
                          int pruneBatchSize, int pruneMaxBatches) {

    /** Key rotation every 5 minutes, key refresh every minute, pruning every 5 minutes by 1,000 rows up to 100 times. */
    public static final JobSettings DEFAULTS = new JobSettings(Duration.ofMinutes(5), Duration.ofMinutes(1),
            Duration.ofMinutes(5), 1_000, 100);

    public JobSettings {
        requirePositive(keyRotationInterval, "keyRotationInterval");
        requirePositive(keyRefreshInterval, "keyRefreshInterval");
        requirePositive(pruneInterval, "pruneInterval");
        if (pruneBatchSize < 1 || pruneMaxBatches < 1) {
            throw new IllegalArgumentException("pruneBatchSize and pruneMaxBatches must be at least 1");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
