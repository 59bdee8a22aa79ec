package dev.portcullis.oauth.application.server;

import dev.portcullis.oauth.application.key.ImportSigningKey;
import dev.portcullis.oauth.application.key.KeyRotationPolicy;
import dev.portcullis.oauth.application.key.MaintainSigningKeys;
import dev.portcullis.oauth.application.key.RotateSigningKeys;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.JobLock;
import java.time.Clock;
import java.util.Set;

/**
 * The key management use cases of one server, sharing its key ring and job lock.
 *
 * @param maintain  the scheduled lifecycle step
 * @param rotate    manual rotation
 * @param importKey import of an existing key
 */
record SigningKeyUseCases(MaintainSigningKeys maintain, RotateSigningKeys rotate, ImportSigningKey importKey) {

    SigningKeyUseCases(SigningKeyRing ring, KeyRotationPolicy policy, ClientRepository clients,
                       Set<SigningAlgorithm> algorithms, Clock clock, JobLock lock) {
        this(new MaintainSigningKeys(ring, policy, clients, algorithms, clock, lock),
                new RotateSigningKeys(ring, policy, clients, algorithms, clock, lock),
                new ImportSigningKey(ring, lock));
    }
}
