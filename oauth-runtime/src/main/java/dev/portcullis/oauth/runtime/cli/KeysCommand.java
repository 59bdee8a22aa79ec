package dev.portcullis.oauth.runtime.cli;

import dev.portcullis.oauth.application.admin.ManageKeys;
import dev.portcullis.oauth.application.key.KeyImport;
import dev.portcullis.oauth.application.key.RotationOutcome;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.runtime.server.OfflineInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code keys list|rotate|import} over {@link ManageKeys}. Only key ids, algorithms, states and
 * times are printed, never key material, public or private.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage signing keys.",
        synopsisSubcommandLabel = "COMMAND")
public final class KeysCommand {

    private final CommandContext context;

    public KeysCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the signing keys, newest first.")
    int list(@Mixin ConfigOption config, @Mixin JsonOption json) {
        try (OfflineInstance instance = context.open(config)) {
            List<SigningKey> keys = CommandContext.admin(instance).keys().list();
            if (json.enabled()) {
                context.output().json(Map.of("keys", keys.stream().map(KeysCommand::describe).toList()));
            } else {
                context.output().line(String.format("%-44s %-6s %-8s %-25s %s", "KID", "ALG", "STATE", "CREATED_AT", "ACTIVATED_AT"));
                keys.forEach(k -> context.output().line(String.format("%-44s %-6s %-8s %-25s %s", k.id().value(),
                        k.algorithm().jwsName(), state(k.state()), k.createdAt(),
                        k.activatedAt().map(Object::toString).orElse("-"))));
            }
        }
        return ExitCode.OK;
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Rotate an algorithm's key: the next key signs now if published long enough, else when it is.")
    int rotate(@Option(names = "--alg", paramLabel = "ALG",
                       description = "RS256, PS256, ES256 or EdDSA (default: the configured signing algorithm).") String alg,
               @Mixin ConfigOption config, @Mixin JsonOption json) {
        SigningAlgorithm algorithm = alg == null ? context.settings(config).signingAlgorithm() : algorithm(alg);
        try (OfflineInstance instance = context.open(config)) {
            RotationOutcome outcome = CommandContext.admin(instance).keys().rotate(CommandContext.ACTOR, algorithm);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("alg", outcome.algorithm().jwsName());
            result.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
            result.put("next_kid", outcome.nextKey().value());
            result.put("signs_from", outcome.signsFrom().toString());
            if (json.enabled()) {
                context.output().json(result);
            } else {
                context.output().line(outcome.status() == RotationOutcome.Status.ROTATED
                        ? "Rotated " + algorithm.jwsName() + ": key " + outcome.nextKey().value() + " signs now."
                        : "Scheduled " + algorithm.jwsName() + ": key " + outcome.nextKey().value() + " is published and signs from "
                                + outcome.signsFrom() + ".");
            }
        }
        return ExitCode.OK;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a private key (JWK or PEM) as the next key or as a retired, verify-only key.")
    int importKey(@Option(names = "--alg", required = true, paramLabel = "ALG", description = "RS256, PS256, ES256 or EdDSA.") String alg,
                  @Option(names = "--key-file", required = true, paramLabel = "FILE",
                          description = "A private JWK, or PEM (PKCS#8, plus the PUBLIC KEY block for EC and Ed25519).") Path file,
                  @Option(names = "--kid", description = "The key id to keep (required for PEM).") String kid,
                  @Option(names = "--state", defaultValue = "next", description = "next (default) or retired.") String state,
                  @Mixin ConfigOption config, @Mixin JsonOption json) {
        SigningAlgorithm algorithm = algorithm(alg);
        KeyState keyState = switch (state) {
            case "next" -> KeyState.NEXT;
            case "retired" -> KeyState.RETIRED;
            default -> throw new CommandFailure(ExitCode.USAGE, "--state must be next or retired.");
        };
        Optional<KeyId> keyId;
        try {
            keyId = Optional.ofNullable(kid).map(KeyId::new);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, "--kid must be 1 to 128 characters of A-Z a-z 0-9 . _ -.");
        }
        String material;
        try {
            material = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.USAGE, "--key-file: cannot read " + file + ".");
        }
        try (OfflineInstance instance = context.open(config)) {
            SigningKey key = CommandContext.admin(instance).keys()
                    .importKey(CommandContext.ACTOR, new KeyImport(material, algorithm, keyId, keyState));
            if (json.enabled()) {
                context.output().json(describe(key));
            } else {
                context.output().line("Imported key " + key.id().value() + " (" + key.algorithm().jwsName() + ", "
                        + state(key.state()) + ").");
            }
        }
        return ExitCode.OK;
    }

    /** A key as listed: id, algorithm, lifecycle; never material. */
    private static Map<String, Object> describe(SigningKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kid", key.id().value());
        json.put("alg", key.algorithm().jwsName());
        json.put("state", state(key.state()));
        json.put("created_at", key.createdAt().toString());
        key.activatedAt().ifPresent(time -> json.put("activated_at", time.toString()));
        key.retiredAt().ifPresent(time -> json.put("retired_at", time.toString()));
        return json;
    }

    private static String state(KeyState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static SigningAlgorithm algorithm(String name) {
        return SigningAlgorithm.fromJwsName(name)
                .orElseThrow(() -> new CommandFailure(ExitCode.USAGE, "--alg must be RS256, PS256, ES256 or EdDSA."));
    }
}
