package dev.portcullis.oauth.runtime.cli;

import dev.portcullis.oauth.application.admin.ManageClients;
import dev.portcullis.oauth.application.client.ClientMetadata;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.runtime.server.OfflineInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code clients list|show|delete|rotate-secret} over {@link ManageClients}; {@code clients create}
 * is {@link CreateClientCommand}. A generated secret is printed once, by the command that made it.
 */
@Command(name = "clients", mixinStandardHelpOptions = true, description = "Manage registered clients.",
        synopsisSubcommandLabel = "COMMAND")
public final class ClientsCommand {

    private final CommandContext context;

    public ClientsCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every client (never a secret).")
    int list(@Mixin ConfigOption config, @Mixin JsonOption json) {
        try (OfflineInstance instance = context.open(config)) {
            List<Client> clients = CommandContext.admin(instance).clients().list();
            if (json.enabled()) {
                context.output().json(Map.of("clients", clients.stream().map(ClientMetadata::toJson).toList()));
            } else if (clients.isEmpty()) {
                context.output().line("No clients.");
            } else {
                context.output().line(String.format("%-36s %-28s %-20s %s", "CLIENT_ID", "NAME", "AUTH_METHOD", "GRANT_TYPES"));
                clients.forEach(c -> context.output().line(String.format("%-36s %-28s %-20s %s", c.id().value(), c.name(),
                        c.authenticationMethod().value(),
                        c.grantTypes().stream().map(GrantType::value).sorted().collect(Collectors.joining(",")))));
            }
        }
        return ExitCode.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one client's metadata (never its secret).")
    int show(@Parameters(paramLabel = "CLIENT_ID", description = "The client to show.") String clientId,
             @Mixin ConfigOption config, @Mixin JsonOption json) {
        try (OfflineInstance instance = context.open(config)) {
            Client client = clientId(clientId).flatMap(CommandContext.admin(instance).clients()::find)
                    .orElseThrow(() -> unknownClient(clientId));
            Map<String, Object> metadata = ClientMetadata.toJson(client);
            if (json.enabled()) {
                context.output().json(metadata);
            } else {
                metadata.forEach((name, value) -> context.output().line(name + ": " + human(value)));
            }
        }
        return ExitCode.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a client and revoke its refresh tokens.")
    int delete(@Parameters(paramLabel = "CLIENT_ID", description = "The client to delete.") String clientId,
               @Mixin ConfigOption config, @Mixin JsonOption json) {
        try (OfflineInstance instance = context.open(config)) {
            ManageClients clients = CommandContext.admin(instance).clients();
            ClientId id = clientId(clientId).orElseThrow(() -> unknownClient(clientId));
            if (!clients.delete(CommandContext.ACTOR, id)) {
                throw unknownClient(clientId);
            }
            if (json.enabled()) {
                context.output().json(Map.of("client_id", id.value(), "deleted", true));
            } else {
                context.output().line("Deleted client " + id.value() + ".");
            }
        }
        return ExitCode.OK;
    }

    @Command(name = "rotate-secret", mixinStandardHelpOptions = true,
            description = "Give a client a new generated secret, printed once; the old one stops working.")
    int rotateSecret(@Parameters(paramLabel = "CLIENT_ID", description = "The client whose secret to replace.") String clientId,
                     @Mixin ConfigOption config, @Mixin JsonOption json) {
        try (OfflineInstance instance = context.open(config)) {
            ManageClients clients = CommandContext.admin(instance).clients();
            ClientId id = clientId(clientId).orElseThrow(() -> unknownClient(clientId));
            ClientSecret secret;
            try {
                secret = clients.rotateSecret(CommandContext.ACTOR, id).orElseThrow(() -> unknownClient(clientId));
            } catch (OAuthException e) {
                throw new CommandFailure(ExitCode.NOT_FOUND_OR_CONFLICT, "Client " + id.value()
                        + " does not authenticate with a secret.");
            }
            // The secret's only appearance: standard output of this command, never a log.
            if (json.enabled()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("client_id", id.value());
                result.put("client_secret", secret.value());
                context.output().json(result);
            } else {
                context.output().line("client_id:     " + id.value());
                context.output().line("client_secret: " + secret.value());
                context.output().line("The secret is shown only now; the previous one no longer works.");
            }
        }
        return ExitCode.OK;
    }

    static Optional<ClientId> clientId(String value) {
        return ClientId.isValid(value) ? Optional.of(new ClientId(value)) : Optional.empty();
    }

    static CommandFailure unknownClient(String value) {
        return new CommandFailure(ExitCode.NOT_FOUND_OR_CONFLICT, "No client with client_id " + printable(value) + ".");
    }

    static String human(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
        return String.valueOf(value);
    }

    /** The operator's own argument, echoed without control characters. */
    private static String printable(String value) {
        String cleaned = value.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 255 ? cleaned.substring(0, 255) + "…" : cleaned;
    }
}
