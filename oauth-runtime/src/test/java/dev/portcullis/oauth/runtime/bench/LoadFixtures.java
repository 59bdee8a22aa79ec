package dev.portcullis.oauth.runtime.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the files {@code bench/load.sh} feeds to wrk, against a running server, one value per line:
 *
 * <pre>
 * LoadFixtures codes          --count N  --out FILE  (client, user options)   "code verifier" lines
 * LoadFixtures refresh-tokens --count M  --out FILE  (client, user options)   refresh tokens
 * LoadFixtures access-tokens  --count K  --out FILE  (client options)         client_credentials access tokens
 *
 * client options: --issuer URL --client ID --secret SECRET --scope SCOPE [--redirect URI]
 * user options:   --username NAME --password PASSWORD
 * bounds:         --seconds S (default 45: stop making more after S seconds) --concurrency C (default 8)
 * </pre>
 *
 * Codes and refresh tokens need a user signed in: that happens once per run, through the login
 * page, and every code after it comes from {@code /authorize} with the session cookie. The client
 * must be first party (or have the user's consent remembered). Prints one line,
 * {@code FIXTURE kind=… count=… seconds=… per_second=…}; exits non-zero when a request fails.
 * Writes the file owner-readable only: it holds live credentials.
 */
public final class LoadFixtures {

    private LoadFixtures() {
    }

    /**
     * Runs one command; see the class comment.
     *
     * @param args the command and its options
     * @throws Exception when the server refuses a request or the file cannot be written
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: LoadFixtures codes|refresh-tokens|access-tokens --option value ...");
        }
        Map<String, String> options = options(args);
        String kind = args[0];
        int count = Integer.parseInt(required(options, "count"));
        Path out = Path.of(required(options, "out"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("seconds", "45")));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        FixtureClient client = new FixtureClient(URI.create(required(options, "issuer")), required(options, "client"),
                required(options, "secret"), options.getOrDefault("redirect", "https://client.bench.invalid/callback"),
                required(options, "scope"));

        long start = System.nanoTime();
        List<String> lines = switch (kind) {
            case "codes" -> {
                signIn(client, options);
                yield produce(count, concurrency, deadline, () -> {
                    FixtureClient.Code code = client.code();
                    return code.value() + " " + code.verifier();
                });
            }
            case "refresh-tokens" -> {
                signIn(client, options);
                yield produce(count, concurrency, deadline, () -> client.refreshToken(client.code()));
            }
            case "access-tokens" -> produce(count, concurrency, deadline, client::accessToken);
            default -> throw new IllegalArgumentException("unknown command: " + kind);
        };
        double seconds = (System.nanoTime() - start) / 1e9;
        write(out, lines);
        System.out.printf(Locale.ROOT, "FIXTURE kind=%s count=%d seconds=%.3f per_second=%.0f%n",
                kind, lines.size(), seconds, lines.size() / seconds);
    }

    /** One value, made over HTTP. */
    @FunctionalInterface
    private interface Producer {
        String next() throws IOException, InterruptedException;
    }

    private static void signIn(FixtureClient client, Map<String, String> options) throws IOException, InterruptedException {
        client.signIn(required(options, "username"), required(options, "password"));
    }

    /** {@code count} values from {@code concurrency} threads, fewer when the deadline passes first. */
    private static List<String> produce(int count, int concurrency, long deadline, Producer producer) throws Exception {
        AtomicInteger claimed = new AtomicInteger();
        ConcurrentLinkedQueue<String> values = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(workers.submit(() -> {
                    while (claimed.getAndIncrement() < count && System.nanoTime() < deadline) {
                        values.add(producer.next());
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        return new ArrayList<>(values);
    }

    private static void write(Path out, List<String> lines) throws IOException {
        Files.deleteIfExists(out);
        Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(out, lines, StandardCharsets.US_ASCII);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value at " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        return Objects.requireNonNull(options.get(name), () -> "--" + name + " is required");
    }
}
