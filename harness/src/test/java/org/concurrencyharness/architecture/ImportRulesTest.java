package org.concurrencyharness.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The check fails on made-up sources that break its rules, however they name the package they use. */
class ImportRulesTest {

    private static final String RESULT = "org.concurrencyharness.internal.result";
    private static final String ENGINE = "org.concurrencyharness.internal.engine";

    private static final String UPWARD = "result/Race.java: " + RESULT + " may not use " + ENGINE;

    private static final ImportRules RULES = new ImportRules(Map.of(RESULT, Set.of(), ENGINE, Set.of(RESULT)));

    private static List<String> violations(String file, String text) {
        return RULES.violations(Map.of(file, text));
    }

    @Test
    void aPackageMayUseItselfAndWhatItsRulesAllow() {
        assertEquals(List.of(), violations("engine/Runner.java", """
                package org.concurrencyharness.internal.engine;

                import java.util.List;
                import org.concurrencyharness.internal.engine.Descriptor;
                import org.concurrencyharness.internal.result.Race;

                /** Runs in {@code org.concurrencyharness.internal.engine}, of "org.concurrencyharness". */
                final class Runner {
                    List<Race> races;
                }
                """));
    }

    @Test
    void anImportOfAPackageTheRulesDoNotAllowIsAViolation() {
        assertEquals(List.of(UPWARD), violations("result/Race.java", """
                package org.concurrencyharness.internal.result;

                import org.concurrencyharness.internal.engine.ConcurrencyTestEngine;

                public record Race(String field) {
                }
                """));
    }

    @Test
    void aStaticImportAWildcardANestedClassOrAQualifiedNameInCodeIsAViolationToo() {
        for (String use : List.of(
                "import static org.concurrencyharness.internal.engine.ConcurrencyTestEngine.ENGINE_ID;",
                "import org.concurrencyharness.internal.engine.*;",
                "import org.concurrencyharness.internal.engine.ExerciseValidator.Validation;",
                "class Race { Object engine = new org.concurrencyharness.internal.engine.ConcurrencyTestEngine(); }",
                "/** Read by {@link org.concurrencyharness.internal.engine.ExerciseRunner}. */ class Race {}")) {
            String source = "package org.concurrencyharness.internal.result;\n\n" + use + "\n";
            assertEquals(List.of(UPWARD), violations("result/Race.java", source), use);
        }
    }

    @Test
    void aPackageTheRulesDoNotNameIsAViolation() {
        String source = "package org.concurrencyharness.internal.report;\n\nclass Html {}\n";
        String unnamed = "report/Html.java: org.concurrencyharness.internal.report is a package the rules do not name";
        assertEquals(List.of(unnamed), violations("report/Html.java", source));
    }

    @Test
    void rulesThatLetPackagesUseEachOtherInARoundHaveACycle() {
        assertEquals(
                Optional.of("a -> b -> c -> a"),
                ImportRules.cycle(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"))));
        assertEquals(
                Optional.empty(), ImportRules.cycle(Map.of("a", Set.of("b", "c"), "b", Set.of("c"), "c", Set.of())));
    }

    @Test
    void aPackageInfoSaysWhatItsPackageMayUseInItsMayUseParagraph() {
        assertEquals(Set.of(RESULT, "org.concurrencyharness"), ImportRules.mayUseOf("""
                /**
                 * Runs exercises, for {@link org.concurrencyharness.internal.fork}.
                 *
                 * <p>May use: {@link org.concurrencyharness} and
                 * {@link org.concurrencyharness.internal.result}.
                 */
                package org.concurrencyharness.internal.engine;
                """));
    }
}
