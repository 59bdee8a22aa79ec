package dev.portcullis.oauth.application.authorization;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code ui_locales} (OIDC Core §3.1.2.1): the end-user's preferred languages for the pages,
 * as space-separated BCP 47 tags. It is a preference, so it is never an error: invalid tags are
 * dropped, and a value longer than {@link #MAX_LENGTH} is ignored as a whole. Stateless.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
final class UiLocales {

    static final int MAX_LENGTH = 256;
    static final int MAX_TAGS = 5;

    // BCP 47 (RFC 5646 §2.1) in outline; Locale's round trip below rejects what is ill-formed beyond it.
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private UiLocales() {
    }

    /** The valid tags of {@code text} in the order sent, normalised and without repeats; at most {@link #MAX_TAGS}. */
    static List<String> parse(Optional<String> text) {
        if (text.isEmpty() || text.get().length() > MAX_LENGTH) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String value : text.get().split(" ")) {
            if (tags.size() == MAX_TAGS) {
                break;
            }
            normalised(value).ifPresent(tags::add);
        }
        return List.copyOf(tags);
    }

    private static Optional<String> normalised(String value) {
        if (!TAG.matcher(value).matches()) {
            return Optional.empty();
        }
        String tag = Locale.forLanguageTag(value).toLanguageTag();
        // Locale drops what it cannot parse and maps grandfathered tags: only an exact round trip is kept.
        return tag.equalsIgnoreCase(value) ? Optional.of(tag) : Optional.empty();
    }
}
