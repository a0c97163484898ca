package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.concurrencyharness.internal.race.SyncContracts.Kind;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** An Atomic*FieldUpdater's calls synchronise through its field as their javadoc says they do. */
class UpdaterModesTest {

    private static final String UPDATER = "java/util/concurrent/atomic/AtomicReferenceFieldUpdater";

    @Test
    void anUpdatersCallsGoThroughItsFieldAndItsMakingNamesTheField() {
        assertEquals(
                Kind.FIELD_UPDATER,
                SyncContracts.kindOf(
                        Opcodes.INVOKEVIRTUAL,
                        UPDATER,
                        UPDATER,
                        "compareAndSet",
                        "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)Z"));
        assertEquals(
                Kind.FIND_UPDATER,
                SyncContracts.kindOf(
                        Opcodes.INVOKESTATIC,
                        UPDATER,
                        UPDATER,
                        "newUpdater",
                        "(Ljava/lang/Class;Ljava/lang/Class;Ljava/lang/String;)L" + UPDATER + ";"));
    }

    @Test
    void getAcquiresSetAndLazySetReleaseReadModifyWritesDoBoth() {
        assertTrue(SyncContracts.updaterAcquires("get"));
        assertFalse(SyncContracts.updaterReleases("get"));
        assertTrue(SyncContracts.updaterReleases("set"));
        assertTrue(SyncContracts.updaterReleases("lazySet"));
        assertFalse(SyncContracts.updaterAcquires("lazySet"));
        for (String both :
                new String[] {"compareAndSet", "getAndSet", "getAndIncrement", "incrementAndGet", "updateAndGet"}) {
            assertTrue(SyncContracts.updaterAcquires(both), both);
            assertTrue(SyncContracts.updaterReleases(both), both);
        }
        // "does not provide ordering guarantees"
        assertFalse(SyncContracts.updaterAcquires("weakCompareAndSet"));
        assertFalse(SyncContracts.updaterReleases("weakCompareAndSet"));
    }
}
