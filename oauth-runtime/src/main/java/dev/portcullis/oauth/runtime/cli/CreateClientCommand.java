package dev.portcullis.oauth.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.oauth.application.admin.ManageClients;
import dev.portcullis.oauth.application.client.ClientMetadata;
import dev.portcullis.oauth.runtime.server.OfflineInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clients create}: registers a client from RFC 7591 metadata (JSON, as the admin API and
 * dynamic registration take it) and/or the common flags, which override the JSON's members. A
 * generated secret is printed once, to standard output.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Register a client from RFC 7591 metadata (JSON) or flags; a generated secret is printed once.")
public final class CreateClientCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final CommandContext context;

    @Mixin
    private ConfigOption config;
    @Mixin
    private JsonOption json;
    @Option(names = "--metadata", paramLabel = "JSON", description = "RFC 7591 client metadata as a JSON object.")
    private String metadata;
    @Option(names = "--metadata-file", paramLabel = "FILE", description = "A file holding the JSON metadata.")
    private Path metadataFile;
    @Option(names = "--client-id", paramLabel = "ID", description = "client_id (generated when absent).")
    private String clientId;
    @Option(names = "--name", description = "client_name.")
    private String name;
    @Option(names = "--auth-method", paramLabel = "METHOD",
            description = "token_endpoint_auth_method, e.g. client_secret_basic or none.")
    private String authMethod;
    @Option(names = "--grant-type", paramLabel = "TYPE", description = "A grant type; repeat for several.")
    private List<String> grantTypes;
    @Option(names = "--redirect-uri", paramLabel = "URI", description = "A redirect URI; repeat for several.")
    private List<String> redirectUris;
    @Option(names = "--scope", description = "A scope; repeat for several, or give them space-separated.")
    private List<String> scopes;

    public CreateClientCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() {
        Map<String, Object> request = metadata();
        try (OfflineInstance instance = context.open(config)) {
            ManageClients.Creation creation = CommandContext.admin(instance).clients().create(CommandContext.ACTOR, request);
            if (creation instanceof ManageClients.Creation.AlreadyExists exists) {
                throw new CommandFailure(ExitCode.NOT_FOUND_OR_CONFLICT,
                        "A client with client_id " + exists.id().value() + " exists already.");
            }
            print(((ManageClients.Creation.Created) creation).registered());
        }
        return ExitCode.OK;
    }

    private void print(ManageClients.Registered registered) {
        Map<String, Object> result = new LinkedHashMap<>(ClientMetadata.toJson(registered.client()));
        // The secret's only appearance: standard output of this command, never a log.
        registered.issuedSecret().ifPresent(secret -> result.put("client_secret", secret.value()));
        if (json.enabled()) {
            context.output().json(result);
            return;
        }
        context.output().line("Created client " + registered.client().id().value() + ".");
        result.forEach((member, value) -> context.output().line("  " + member + ": " + ClientsCommand.human(value)));
        if (registered.issuedSecret().isPresent()) {
            context.output().line("The client_secret is shown only now; store it safely.");
        }
    }

    /** The JSON metadata, if any, with the flags laid over it. */
    private Map<String, Object> metadata() {
        if (metadata != null && metadataFile != null) {
            throw new CommandFailure(ExitCode.USAGE, "Give --metadata or --metadata-file, not both.");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        if (metadata != null) {
            request.putAll(parse(metadata, "--metadata"));
        } else if (metadataFile != null) {
            try {
                request.putAll(parse(Files.readString(metadataFile, StandardCharsets.UTF_8), "--metadata-file"));
            } catch (IOException e) {
                throw new CommandFailure(ExitCode.USAGE, "--metadata-file: cannot read " + metadataFile + ".");
            }
        }
        put(request, "client_id", clientId);
        put(request, "client_name", name);
        put(request, "token_endpoint_auth_method", authMethod);
        put(request, "grant_types", grantTypes);
        put(request, "redirect_uris", redirectUris);
        put(request, "scope", scopes == null ? null : String.join(" ", scopes));
        return request;
    }

    private static void put(Map<String, Object> request, String member, Object value) {
        if (value != null) {
            request.put(member, value);
        }
    }

    private static Map<String, Object> parse(String text, String option) {
        try {
            Map<String, Object> parsed = JSON.readValue(text, OBJECT);
            if (parsed == null) {
                throw new CommandFailure(ExitCode.USAGE, option + ": the metadata must be a JSON object.");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            // The text is not echoed: it may hold a client_secret.
            throw new CommandFailure(ExitCode.USAGE, option + ": the metadata must be a JSON object.");
        }
    }
}
