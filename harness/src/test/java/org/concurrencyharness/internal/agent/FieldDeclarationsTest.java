package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the agent reads of a field's declaration from class files. */
class FieldDeclarationsTest {

    private final FieldDeclarations declarations = new FieldDeclarations(ClassFilter.parse(null));

    @Test
    void aFieldDeclaredLazyInitPublishesAndHasNoShadowToCheck() {
        FieldDeclarations.Declaration cache = find("upperCase");
        assertTrue(cache.publishes(), "@LazyInit: its benign race publishes, as a volatile would");
        assertTrue(cache.synchronises());
        assertFalse(cache.isShadowed(), "checked as a volatile field, not through its shadow");
    }

    @Test
    void aPlainFieldBesideItIsCheckedThroughItsShadow() {
        FieldDeclarations.Declaration reads = find("reads");
        assertFalse(reads.publishes());
        assertFalse(reads.synchronises());
        assertTrue(reads.isShadowed());
    }

    private FieldDeclarations.Declaration find(String field) {
        // another class is being instrumented, so jitshapes.LazyViews is read from its class file
        return declarations.find(
                "jitshapes/LazyViews",
                field,
                getClass().getClassLoader(),
                "jitshapes/Other",
                new FieldDeclarations.ClassFields("java/lang/Object", false, Map.of(), Set.of(), false));
    }
}
