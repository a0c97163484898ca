package org.concurrencyharness.internal.suppression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concurrencyharness.internal.result.Access;
import org.concurrencyharness.internal.result.AccessKind;
import org.concurrencyharness.internal.result.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsTest {

    private static final Access READ = new Access("worker-0", "Cache.get", "Cache.java:9", AccessKind.READ);
    private static final Access WRITE = new Access("worker-1", "Cache.put", "Cache.java:14", AccessKind.WRITE);

    private static Suppressions of(String... lines) {
        return Suppressions.parse("suppressions.txt", List.of(lines));
    }

    private static Race on(String field) {
        return new Race(field, READ, WRITE);
    }

    private static Race onObject(String field, String object) {
        return new Race(field, object, READ, WRITE);
    }

    @Test
    void aFieldMatchesItselfAndItsElementsOnly() {
        Suppressions field = of("com.foo.Cache.size");
        assertTrue(field.matches(on("com.foo.Cache.size")));
        assertTrue(field.matches(on("com.foo.Cache.size[]")));
        assertTrue(
                field.matches(onObject("com.foo.Cache.size", "java.util.ArrayList")),
                "a JDK object reached through it");
        assertFalse(field.matches(on("com.foo.Cache.sizes")));
        assertFalse(field.matches(on("com.foo.Cache.count")));
    }

    @Test
    void anElementPatternAsTheReportWritesItMatchesTheElementsOnly() {
        Suppressions elements = of("com.foo.Cache.slots[]");
        assertTrue(elements.matches(on("com.foo.Cache.slots[]")));
        assertFalse(elements.matches(on("com.foo.Cache.slots")));
    }

    @Test
    void aClassMatchesItsFieldsItsNestedClassesFieldsAndRacesOnItsObjects() {
        Suppressions type = of("com.foo.Cache");
        assertTrue(type.matches(on("com.foo.Cache.size")));
        assertTrue(type.matches(on("com.foo.Cache.slots[]")));
        assertTrue(type.matches(on("com.foo.Cache$Entry.value")));
        assertFalse(type.matches(on("com.foo.CacheStats.hits")), "a class whose name only starts the same");
        assertFalse(type.matches(on("com.foo.Other.cache")));

        Suppressions jdk = of("java.util.ArrayList");
        assertTrue(jdk.matches(onObject("com.foo.Registry.items", "java.util.ArrayList")));
        assertTrue(jdk.matches(onObject("java.util.ArrayList", "java.util.ArrayList")), "reached through no field");
        assertFalse(jdk.matches(onObject("com.foo.Registry.index", "java.util.HashMap")));
    }

    @Test
    void aPackageMatchesItsClassesAndItsSubPackagesClasses() {
        Suppressions inPackage = of("com.foo.*");
        assertTrue(inPackage.matches(on("com.foo.Cache.size")));
        assertTrue(inPackage.matches(on("com.foo.internal.Pool$Slot.owner")));
        assertFalse(inPackage.matches(on("com.foobar.Cache.size")));
        assertFalse(inPackage.matches(on("org.bar.Uses.foo")));

        Suppressions jdk = of("java.util.*");
        assertTrue(jdk.matches(onObject("com.foo.Registry.items", "java.util.ArrayList")));
        assertFalse(jdk.matches(on("com.foo.Registry.count")));
    }

    @Test
    void blankLinesCommentsAndSurroundingWhiteSpaceAreIgnored() {
        Suppressions suppressions = of(
                "# benign: the library's statistics",
                "",
                "   ",
                "  com.foo.Cache.size\t",
                "  # indented comment",
                "org.bar.*");
        assertEquals(2, suppressions.size());
        assertTrue(suppressions.matches(on("com.foo.Cache.size")));
        assertTrue(suppressions.matches(on("org.bar.Baz.qux")));
        assertFalse(suppressions.matches(on("com.foo.Cache.count")));
    }

    @Test
    void theLibrariesDeliberateRacesAreSuppressedAlongsideTheProjectsOwn() {
        Suppressions both = of("com.foo.Cache.size").and(Suppressions.LIBRARIES);
        assertTrue(both.matches(on("com.foo.Cache.size")));
        assertTrue(both.matches(on("reactor.core.scheduler.ParallelScheduler.roundRobin")));
        assertTrue(both.matches(on("reactor.core.publisher.FlatMapTracker.array[]")));
        // the tracker's other fields, and the array field itself, are not the deliberate race
        assertFalse(both.matches(on("reactor.core.publisher.FlatMapTracker.free")));
        assertFalse(both.matches(on("reactor.core.publisher.FlatMapTracker.array")));
        assertFalse(Suppressions.LIBRARIES.matches(on("com.foo.Cache.size")));
    }

    @Test
    void aMissingFileMeansNoSuppressions(@TempDir Path directory) {
        Suppressions none = Suppressions.read(directory.resolve("concurrency-suppressions.txt"));
        assertSame(Suppressions.NONE, none);
        assertFalse(none.matches(on("com.foo.Cache.size")));
    }

    @Test
    void aFileIsReadLineByLine(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("concurrency-suppressions.txt"), "# benign\ncom.foo.Cache\n");
        assertTrue(Suppressions.read(file).matches(on("com.foo.Cache.size")));
    }

    @Test
    void aMalformedLineIsAnErrorThatNamesTheFileTheLineAndWhatToWrite(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(
                directory.resolve("concurrency-suppressions.txt"),
                "# benign\ncom.foo.Cache.size\ncom.foo.*.Cache\ncom.foo.Cache.size   # the statistics\ncom..foo\n");
        SuppressionsFileException error = assertThrows(SuppressionsFileException.class, () -> Suppressions.read(file));
        assertEquals(
                file + ", line 3: \"com.foo.*.Cache\" has a * that is not a whole package's: only a trailing .*"
                        + " is a wildcard, as in com.foo.*.\n"
                        + file
                        + ", line 4: \"com.foo.Cache.size   # the statistics\" has white space in it: one pattern a line,"
                        + " and a comment on a line of its own.\n"
                        + file + ", line 5: \"com..foo\" is not a Java name.\n"
                        + "Write one pattern a line: a field (com.foo.Cache.size), a class (com.foo.Cache) or a package with"
                        + " its sub-packages (com.foo.*); a line that starts with # is a comment.",
                error.getMessage());
        assertEquals(0, error.getStackTrace().length, "the user's mistake, not a bug of ours");
    }

    @Test
    void otherWildcardsAndNonNamesAreRefused() {
        for (String line : List.of(
                "*",
                "com.foo.Cache*",
                "com.*.Cache",
                "com.foo.**",
                "com.foo.Cache?",
                "com.foo.Counter#increment",
                "com/foo/Cache",
                "com.foo.",
                ".com.foo",
                "com.foo.Cache[]x")) {
            assertThrows(SuppressionsFileException.class, () -> of(line), line);
        }
    }
}
