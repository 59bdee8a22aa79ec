package dev.portcullis.oauth.domain.scope;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of scopes (RFC 6749 §3.3), kept in the order first written so that responses read as
 * requests did.
 *
 * @param scopes the scopes; an unmodifiable, ordered copy is kept
 */
public record ScopeSet(Set<Scope> scopes) {

    /** The empty scope set. */
    public static final ScopeSet EMPTY = new ScopeSet(Set.of());

    /** The most scope-tokens one set may hold; bounds the work a single request can cause. */
    public static final int MAX_SIZE = 64;

    public ScopeSet {
        Objects.requireNonNull(scopes, "scopes");
        scopes.forEach(s -> Objects.requireNonNull(s, "scope"));
        if (scopes.size() > MAX_SIZE) {
            throw new IllegalArgumentException("a scope set holds at most " + MAX_SIZE + " scopes");
        }
        scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }

    /** The set of the given scope values. */
    public static ScopeSet of(String... values) {
        LinkedHashSet<Scope> set = new LinkedHashSet<>();
        for (String value : values) {
            set.add(new Scope(value));
        }
        return new ScopeSet(set);
    }

    /** The set of the given scope values. */
    public static ScopeSet of(Collection<String> values) {
        return of(values.toArray(String[]::new));
    }

    /**
     * Parses a {@code scope} parameter: scope-tokens separated by single spaces (RFC 6749 §3.3).
     *
     * @return the set, or empty when the text is not a valid scope parameter (empty, a double,
     *         leading or trailing space, a bad character, or too many scopes)
     */
    public static Optional<ScopeSet> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        LinkedHashSet<Scope> set = new LinkedHashSet<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf(' ', start);
            if (end < 0) {
                end = text.length();
            }
            String token = text.substring(start, end);
            if (!Scope.isValid(token)) {
                return Optional.empty();
            }
            set.add(new Scope(token));
            if (set.size() > MAX_SIZE) {
                return Optional.empty();
            }
            start = end + 1;
        }
        return Optional.of(new ScopeSet(set));
    }

    /** Whether every scope of {@code other} is in this set. */
    public boolean containsAll(ScopeSet other) {
        return scopes.containsAll(other.scopes);
    }

    /** Whether {@code scope} is in this set. */
    public boolean contains(Scope scope) {
        return scopes.contains(scope);
    }

    /** Whether the set has no scope. */
    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    /** The scope values. */
    public Set<String> values() {
        return scopes.stream().map(Scope::value).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The {@code scope} parameter form: values separated by single spaces. */
    public String toParameter() {
        return scopes.stream().map(Scope::value).collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return toParameter();
    }
}
