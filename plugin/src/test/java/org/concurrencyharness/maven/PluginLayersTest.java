package org.concurrencyharness.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concurrencyharness.architecture.ImportRules;
import org.junit.jupiter.api.Test;

/**
 * The plugin's packages, as each one's {@code package-info} says: the goals over the report writers and
 * source insight, which read the harness's results only. Of the harness, the plugin uses its results,
 * shards and suppressions, the fork's command line, the engine's parameters and the agent's options,
 * never how exercises run or races are found.
 */
class PluginLayersTest {

    private static final String MAVEN = "org.concurrencyharness.maven";
    private static final String REPORT = MAVEN + ".report";
    private static final String INSIGHT = MAVEN + ".insight";
    private static final String INTERNAL = "org.concurrencyharness.internal.";
    private static final String AGENT = INTERNAL + "agent";
    private static final String ENGINE = INTERNAL + "engine";
    private static final String FORK = INTERNAL + "fork";
    private static final String RESULT = INTERNAL + "result";
    private static final String SHARD = INTERNAL + "shard";
    private static final String SUPPRESSION = INTERNAL + "suppression";

    /** Each package of the plugin, to the packages, its own and the harness's, it may use. */
    static final Map<String, Set<String>> LAYERS = Map.of(
            REPORT, Set.of(RESULT, SHARD),
            INSIGHT, Set.of(RESULT),
            MAVEN, Set.of(REPORT, INSIGHT, AGENT, ENGINE, FORK, RESULT, SHARD, SUPPRESSION));

    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void noPackageUsesOneItMayNot() throws Exception {
        Map<String, String> sources = ImportRules.sources(SOURCES);
        assertTrue(sources.size() > 20, "the plugin's sources, from " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), new ImportRules(LAYERS).violations(sources));
    }

    @Test
    void theLayersHaveADirection() {
        assertEquals(Optional.empty(), ImportRules.cycle(LAYERS));
    }

    @Test
    void everyPackageInfoSaysWhatItsPackageMayUse() throws Exception {
        for (Map.Entry<String, Set<String>> rule : LAYERS.entrySet()) {
            Path info = SOURCES.resolve(rule.getKey().replace('.', '/')).resolve("package-info.java");
            assertTrue(Files.isRegularFile(info), info + " says what its package is for and what it may use");
            assertEquals(
                    rule.getValue(),
                    ImportRules.mayUseOf(Files.readString(info, StandardCharsets.UTF_8)),
                    info.toString());
        }
    }
}
