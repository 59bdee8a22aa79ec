package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.user.Password;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Files a development instance keeps under its data directory so that it survives restarts:
 * the master key and the development client's secret, each readable by the owner only.
 * Never used in production mode, where the master key must come from the environment.
 */
final class DevelopmentState {

    private final Path dataDir;
    private final SecureRandom random;

    DevelopmentState(Path dataDir, SecureRandom random) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.random = Objects.requireNonNull(random, "random");
    }

    MasterKey masterKey() {
        return MasterKey.fromBase64(readOrCreate("master.key", () -> MasterKey.generate(random).toBase64()));
    }

    ClientSecret developmentClientSecret() {
        return new ClientSecret(readOrCreate("dev-client.secret", () -> {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }));
    }

    Password developmentUserPassword() {
        return new Password(readOrCreate("dev-user.password", () -> {
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }));
    }

    private String readOrCreate(String name, java.util.function.Supplier<String> generator) {
        Path file = dataDir.resolve(name);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                try {
                    Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"))), generator.get(), StandardCharsets.UTF_8,
                            StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileAlreadyExistsException raced) {
                    // Another instance made it first; read theirs.
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, generator.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
