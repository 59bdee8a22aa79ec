package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ScopeRepository} adapter must show. Subclass it once per adapter and
 * implement {@link #emptyRepository()}.
 */
public abstract class ScopeRepositoryContract {

    private ScopeRepository repository;

    /** A repository holding no scope definition; called before each test. */
    protected abstract ScopeRepository emptyRepository();

    @BeforeEach
    void setUpRepository() {
        repository = emptyRepository();
    }

    private static ScopeDefinition definition(String scope, String description) {
        return new ScopeDefinition(new Scope(scope), description);
    }

    @Test
    void findByScopeWhenAbsentThenEmpty() {
        Optional<ScopeDefinition> found = repository.findByScope(new Scope("unknown"));

        assertEquals(Optional.empty(), found);
    }

    @Test
    void saveWhenNewThenFindByScopeReturnsIt() {
        ScopeDefinition read = definition("read", "Read your documents");

        repository.save(read);

        assertEquals(Optional.of(read), repository.findByScope(read.scope()));
    }

    @Test
    void saveWhenDescriptionEmptyThenEmptyDescriptionRoundTrips() {
        ScopeDefinition empty = definition("openid", "");

        repository.save(empty);

        assertEquals(Optional.of(empty), repository.findByScope(empty.scope()));
    }

    @Test
    void saveWhenLongestScopeAndDescriptionThenRoundTrips() {
        ScopeDefinition longest = definition("s".repeat(Scope.MAX_LENGTH), "é\n\"ü' ".repeat(166) + "€𝄞d");

        repository.save(longest);

        assertEquals(Optional.of(longest), repository.findByScope(longest.scope()));
    }

    @Test
    void saveWhenScopeExistsThenDescriptionReplaced() {
        repository.save(definition("read", "old"));
        ScopeDefinition replacement = definition("read", "new");

        repository.save(replacement);

        assertEquals(List.of(replacement), repository.findAll());
    }

    @Test
    void saveWhenNamesDifferOnlyInCaseThenBothStored() {
        ScopeDefinition lower = definition("read", "lower");
        ScopeDefinition upper = definition("READ", "upper");

        repository.save(lower);
        repository.save(upper);

        assertEquals(Optional.of(lower), repository.findByScope(lower.scope()));
        assertEquals(Optional.of(upper), repository.findByScope(upper.scope()));
    }

    @Test
    void findAllWhenEmptyThenEmptyList() {
        List<ScopeDefinition> all = repository.findAll();

        assertEquals(List.of(), all);
    }

    @Test
    void findAllWhenSeveralThenOrderedByName() {
        List<String> names = List.of("write", "Write", "read", "admin:all", "_x", "a.b", "openid", "a-b", "ab");
        names.forEach(name -> repository.save(definition(name, "about " + name)));

        List<String> found = repository.findAll().stream().map(d -> d.scope().value()).toList();

        assertEquals(names.stream().sorted().toList(), found);
    }

    @Test
    void deleteWhenPresentThenTrueAndGone() {
        ScopeDefinition read = definition("read", "Read");
        repository.save(read);

        boolean deleted = repository.delete(read.scope());

        assertTrue(deleted);
        assertEquals(Optional.empty(), repository.findByScope(read.scope()));
    }

    @Test
    void deleteWhenUnknownThenFalse() {
        repository.save(definition("read", "Read"));

        boolean deleted = repository.delete(new Scope("write"));

        assertFalse(deleted);
        assertEquals(1, repository.findAll().size());
    }

    @Test
    void deleteWhenDeletedTwiceThenSecondFalse() {
        repository.save(definition("read", "Read"));
        repository.delete(new Scope("read"));

        boolean deleted = repository.delete(new Scope("read"));

        assertFalse(deleted);
    }

    @Test
    void saveWhenSixteenThreadsSaveDistinctScopesThenEveryScopeStored() {
        List<Optional<ScopeDefinition>> found = Race.run(16, i -> {
            repository.save(definition("scope-" + i, "description " + i));
            return repository.findByScope(new Scope("scope-" + i));
        });

        IntStream.range(0, 16).forEach(i ->
                assertEquals(Optional.of(definition("scope-" + i, "description " + i)), found.get(i)));
        assertEquals(16, repository.findAll().size());
    }

    @Test
    void saveWhenSixteenThreadsReplaceOneScopeThenOneDescriptionStored() {
        Race.run(16, i -> {
            for (int round = 0; round < 5; round++) {
                repository.save(definition("contended", "description " + i));
            }
            return i;
        });

        List<ScopeDefinition> all = repository.findAll();
        assertEquals(1, all.size());
        assertTrue(all.get(0).description().startsWith("description "));
    }

    @Test
    void deleteWhenSixteenThreadsSaveAndDeleteOneScopeThenEveryCallSucceeds() {
        Race.run(16, i -> {
            for (int round = 0; round < 5; round++) {
                if ((i + round) % 2 == 0) {
                    repository.save(definition("contended", "description " + i));
                } else {
                    repository.delete(new Scope("contended"));
                }
            }
            return i;
        });

        repository.findByScope(new Scope("contended"))
                .ifPresent(found -> assertTrue(found.description().startsWith("description ")));
    }
}
