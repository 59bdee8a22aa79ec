package dev.portcullis.oauth.domain.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeSetTest {

    @Test
    void parseWhenSingleScopeThenSetOfIt() { // RFC 6749 §3.3
        Optional<ScopeSet> parsed = ScopeSet.parse("read");

        assertEquals(Optional.of(ScopeSet.of("read")), parsed);
    }

    @Test
    void parseWhenSeveralScopesThenOrderKept() { // RFC 6749 §3.3
        Optional<ScopeSet> parsed = ScopeSet.parse("write openid read");

        assertEquals(List.of("write", "openid", "read"), List.copyOf(parsed.orElseThrow().values()));
    }

    @Test
    void parseWhenDuplicateScopesThenCollapsedKeepingFirstPosition() { // RFC 6749 §3.3: a set
        Optional<ScopeSet> parsed = ScopeSet.parse("read write read");

        assertEquals("read write", parsed.orElseThrow().toParameter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"read  write", " read", "read ", " ", "  "})
    void parseWhenSpacingIsNotSingleSeparatorThenEmpty(String text) { // RFC 6749 §3.3: scope-token *( SP scope-token )
        Optional<ScopeSet> parsed = ScopeSet.parse(text);

        assertEquals(Optional.empty(), parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"re\"ad", "read wr\\ite", "read\twrite", "caf\u00e9", "del\u007F", "read\nwrite"})
    void parseWhenCharacterOutsideScopeTokenThenEmpty(String text) { // RFC 6749 §3.3: %x21 / %x23-5B / %x5D-7E
        Optional<ScopeSet> parsed = ScopeSet.parse(text);

        assertEquals(Optional.empty(), parsed);
    }

    @Test
    void parseWhenEveryAllowedCharacterThenParsed() { // RFC 6749 §3.3
        String token = IntStream.rangeClosed(0x21, 0x7E).filter(c -> c != '"' && c != '\\')
                .mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());

        Optional<ScopeSet> parsed = ScopeSet.parse(token.substring(0, 64) + " " + token.substring(64));

        assertTrue(parsed.isPresent());
    }

    @Test
    void parseWhenEmptyThenEmpty() {
        Optional<ScopeSet> parsed = ScopeSet.parse("");

        assertEquals(Optional.empty(), parsed);
    }

    @Test
    void parseWhenNullThenEmpty() {
        Optional<ScopeSet> parsed = ScopeSet.parse(null);

        assertEquals(Optional.empty(), parsed);
    }

    @Test
    void parseWhenMaxSizeScopesThenParsed() {
        String text = scopes(ScopeSet.MAX_SIZE);

        Optional<ScopeSet> parsed = ScopeSet.parse(text);

        assertEquals(ScopeSet.MAX_SIZE, parsed.orElseThrow().scopes().size());
    }

    @Test
    void parseWhenMoreThanMaxSizeScopesThenEmpty() {
        String text = scopes(ScopeSet.MAX_SIZE + 1);

        Optional<ScopeSet> parsed = ScopeSet.parse(text);

        assertEquals(Optional.empty(), parsed);
    }

    @Test
    void parseWhenMaxSizeDistinctScopesWithDuplicatesThenParsed() {
        String text = scopes(ScopeSet.MAX_SIZE) + " s0";

        Optional<ScopeSet> parsed = ScopeSet.parse(text);

        assertEquals(ScopeSet.MAX_SIZE, parsed.orElseThrow().scopes().size());
    }

    @Test
    void parseWhenTokenLongerThanMaxLengthThenEmpty() {
        String text = "a".repeat(Scope.MAX_LENGTH + 1);

        Optional<ScopeSet> parsed = ScopeSet.parse(text);

        assertEquals(Optional.empty(), parsed);
    }

    @Test
    void constructorWhenMoreThanMaxSizeThenIllegalArgument() {
        Set<Scope> many = IntStream.rangeClosed(0, ScopeSet.MAX_SIZE).mapToObj(i -> new Scope("s" + i))
                .collect(Collectors.toCollection(LinkedHashSet::new));

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new ScopeSet(many));

        assertEquals("a scope set holds at most 64 scopes", thrown.getMessage());
    }

    @Test
    void scopesWhenModifiedThenUnsupportedOperation() {
        ScopeSet set = ScopeSet.of("read");

        assertThrows(UnsupportedOperationException.class, () -> set.scopes().add(new Scope("write")));
    }

    @Test
    void constructorWhenSourceChangesLaterThenSetUnchanged() {
        Set<Scope> source = new LinkedHashSet<>(List.of(new Scope("read")));
        ScopeSet set = new ScopeSet(source);

        source.add(new Scope("write"));

        assertEquals("read", set.toParameter());
    }

    @Test
    void containsAllWhenSubsetThenTrue() {
        ScopeSet allowed = ScopeSet.of("openid", "read", "write");

        boolean contained = allowed.containsAll(ScopeSet.of("write", "read"));

        assertTrue(contained);
    }

    @Test
    void containsAllWhenNotSubsetThenFalse() {
        ScopeSet allowed = ScopeSet.of("openid", "read");

        boolean contained = allowed.containsAll(ScopeSet.of("read", "admin"));

        assertFalse(contained);
    }

    @Test
    void equalsWhenSameScopesInOtherOrderThenEqual() {
        ScopeSet first = ScopeSet.of("read", "write");

        ScopeSet second = ScopeSet.of("write", "read");

        assertEquals(first, second);
    }

    @Test
    void toParameterWhenEmptyThenEmptyString() {
        String parameter = ScopeSet.EMPTY.toParameter();

        assertEquals("", parameter);
    }

    @Test
    void scopeConstructorWhenInvalidThenIllegalArgument() { // RFC 6749 §3.3
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new Scope("a b"));

        assertEquals("scope must be 1 to 128 characters of %x21 / %x23-5B / %x5D-7E (RFC 6749 §3.3)", thrown.getMessage());
    }

    private static String scopes(int count) {
        return IntStream.range(0, count).mapToObj(i -> "s" + i).collect(Collectors.joining(" "));
    }
}
