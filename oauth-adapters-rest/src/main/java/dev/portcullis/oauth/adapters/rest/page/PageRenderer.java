package dev.portcullis.oauth.adapters.rest.page;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders the pages with mustache.java, which HTML-escapes every {@code {{value}}}. Templates are
 * looked up by name ({@code login.mustache}, {@code consent.mustache}, {@code error.mustache},
 * {@code form_post.mustache}, and {@code portcullis.css}) first in the theme directory, when one is
 * set, then on the classpath under {@code portcullis/templates/}: a theme overrides single files
 * without a rebuild. Compiled templates are cached; a changed theme is read at the next start. The
 * login and consent pages get {@code lang} (the first valid {@code ui_locales} tag, else {@code en})
 * and {@code uiLocales} (all valid tags, preferred first), for a theme that translates its texts.
 * Thread-safe.
 */
public final class PageRenderer {

    /** Where the built-in templates are on the classpath. */
    public static final String BUILT_IN = "portcullis/templates/";

    private final Optional<Path> theme;
    private final DefaultMustacheFactory factory;

    private PageRenderer(Optional<Path> theme) {
        this.theme = theme;
        this.factory = new DefaultMustacheFactory(new ThemeResolver());
    }

    /** The built-in look. */
    public static PageRenderer builtIn() {
        return new PageRenderer(Optional.empty());
    }

    /** Templates and the stylesheet of {@code directory} override the built-in ones with the same name. */
    public static PageRenderer themed(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("theme directory does not exist: " + directory);
        }
        return new PageRenderer(Optional.of(directory.toAbsolutePath().normalize()));
    }

    /** Renders the template {@code name} (without {@code .mustache}) with {@code scope}. */
    public String render(String name, Map<String, Object> scope) {
        Mustache mustache = factory.compile(name + ".mustache");
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }

    /** The bytes of the stylesheet {@code portcullis.css}. */
    public byte[] stylesheet() {
        try (InputStream in = open("portcullis.css").orElseThrow(() -> new IllegalStateException("no portcullis.css"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the stylesheet failed", e);
        }
    }

    private Optional<InputStream> open(String name) throws IOException {
        if (theme.isPresent()) {
            Path file = theme.get().resolve(name).normalize();
            // Only plain names are looked up; nothing outside the theme directory is read.
            if (file.startsWith(theme.get()) && Files.isRegularFile(file)) {
                return Optional.of(Files.newInputStream(file));
            }
        }
        return Optional.ofNullable(PageRenderer.class.getClassLoader().getResourceAsStream(BUILT_IN + name));
    }

    private final class ThemeResolver implements MustacheResolver {
        @Override
        public Reader getReader(String resourceName) {
            try {
                return open(resourceName).map(in -> new InputStreamReader(in, StandardCharsets.UTF_8)).orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException("reading template " + resourceName + " failed", e);
            }
        }
    }
}
