package org.concurrencyharness.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The harness's packages in layers with a direction, as each one's {@code package-info} says: the results
 * and shards at the bottom; suppressions, the detector and the agent on the results; execution, then
 * process rounds, above them; the engine and the fork on top. A forbidden use fails the build here.
 */
class HarnessLayersTest {

    private static final String API = "org.concurrencyharness";
    private static final String INTERNAL = "org.concurrencyharness.internal.";
    private static final String SHARD = INTERNAL + "shard";
    private static final String RESULT = INTERNAL + "result";
    private static final String SUPPRESSION = INTERNAL + "suppression";
    private static final String RACE = INTERNAL + "race";
    private static final String AGENT = INTERNAL + "agent";
    private static final String EXECUTION = INTERNAL + "execution";
    private static final String PROCESS = INTERNAL + "process";
    private static final String ENGINE = INTERNAL + "engine";
    private static final String FORK = INTERNAL + "fork";

    /** Each package of the harness, to the packages it may use. */
    static final Map<String, Set<String>> LAYERS = Map.of(
            SHARD, Set.of(),
            RESULT, Set.of(SHARD),
            SUPPRESSION, Set.of(RESULT),
            RACE, Set.of(RESULT),
            AGENT, Set.of(RACE),
            EXECUTION, Set.of(API, RACE, RESULT),
            PROCESS, Set.of(API, EXECUTION, RACE, RESULT),
            ENGINE, Set.of(API, EXECUTION, PROCESS, RACE, RESULT, SHARD, SUPPRESSION),
            FORK, Set.of(ENGINE, PROCESS, RACE, RESULT, SHARD));

    /**
     * The one use against the direction: the API's {@code Shared} hands each call to the shared objects of the
     * child or parent it runs in, which process rounds implement. The API uses nothing else.
     */
    static final Map<String, Set<String>> API_FACADE = Map.of(API, Set.of(PROCESS));

    private static final Path SOURCES = Path.of("src", "main", "java");

    private static Map<String, Set<String>> rules() {
        Map<String, Set<String>> rules = new HashMap<>(LAYERS);
        rules.putAll(API_FACADE);
        return rules;
    }

    @Test
    void noPackageUsesOneItMayNot() throws Exception {
        Map<String, String> sources = ImportRules.sources(SOURCES);
        assertTrue(sources.size() > 100, "the harness's sources, from " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), new ImportRules(rules()).violations(sources));
    }

    @Test
    void theLayersHaveADirection() {
        assertEquals(Optional.empty(), ImportRules.cycle(LAYERS));
    }

    @Test
    void everyPackageInfoSaysWhatItsPackageMayUse() throws Exception {
        for (Map.Entry<String, Set<String>> rule : rules().entrySet()) {
            Path info = SOURCES.resolve(rule.getKey().replace('.', '/')).resolve("package-info.java");
            assertTrue(Files.isRegularFile(info), info + " says what its package is for and what it may use");
            assertEquals(
                    rule.getValue(),
                    ImportRules.mayUseOf(Files.readString(info, StandardCharsets.UTF_8)),
                    info.toString());
        }
    }
}
