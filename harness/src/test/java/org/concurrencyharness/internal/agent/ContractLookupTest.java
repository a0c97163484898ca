package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.RecursiveAction;
import java.util.concurrent.locks.ReentrantLock;
import org.concurrencyharness.internal.race.SyncContracts;
import org.concurrencyharness.internal.race.SyncContracts.Kind;
import org.concurrencyharness.internal.race.SyncContracts.TaskClass;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** What each call means to the analysis, whatever class the instruction names. */
class ContractLookupTest {

    /** A lock of the program's that locks itself. */
    static class Guarded extends ReentrantLock {}

    /** A fork-join task of the program's. */
    static class Split extends RecursiveAction {
        @Override
        protected void compute() {}
    }

    private final ContractLookup contracts = new ContractLookup(new TypeHierarchy());
    private final ClassLoader loader = getClass().getClassLoader();

    private Kind kind(int opcode, Class<?> owner, String name, String descriptor) {
        return contracts.kindOf(opcode, owner.getName().replace('.', '/'), name, descriptor, loader);
    }

    @Test
    void callsOnObjectsThatAreNotThreadSafeAreObjectCalls() {
        assertEquals(
                Kind.OBJECT_CALL,
                kind(Opcodes.INVOKEVIRTUAL, java.util.ArrayList.class, "add", "(Ljava/lang/Object;)Z"));
        assertEquals(
                Kind.OBJECT_CALL,
                kind(Opcodes.INVOKEINTERFACE, java.util.Map.class, "get", "(Ljava/lang/Object;)Ljava/lang/Object;"));
        assertEquals(
                Kind.OBJECT_CALL,
                kind(
                        Opcodes.INVOKEVIRTUAL,
                        java.text.SimpleDateFormat.class,
                        "parse",
                        "(Ljava/lang/String;)Ljava/util/Date;"));
        assertNull(kind(Opcodes.INVOKEVIRTUAL, String.class, "length", "()I"));
        assertNull(kind(Opcodes.INVOKESTATIC, java.util.Collections.class, "emptyList", "()Ljava/util/List;"));
    }

    @Test
    void subclassesOfConcurrentClassesSynchroniseAsTheyDo() {
        assertEquals(Kind.SYNC, kind(Opcodes.INVOKEVIRTUAL, Guarded.class, "lock", "()V"));
        assertEquals(
                Kind.SYNC, kind(Opcodes.INVOKEVIRTUAL, Split.class, "fork", "()Ljava/util/concurrent/ForkJoinTask;"));
        assertNull(kind(Opcodes.INVOKEVIRTUAL, ContractLookupTest.class, "kind", "()V"));
    }

    @Test
    void someCallsHaveContractsOfTheirOwn() {
        assertEquals(
                Kind.VALIDATE,
                kind(Opcodes.INVOKEVIRTUAL, java.util.concurrent.locks.StampedLock.class, "validate", "(J)Z"));
        assertEquals(
                Kind.STREAM,
                kind(
                        Opcodes.INVOKEINTERFACE,
                        java.util.stream.Stream.class,
                        "map",
                        "(Ljava/util/function/Function;)Ljava/util/stream/Stream;"));
        assertEquals(
                Kind.SYNC, kind(Opcodes.INVOKEVIRTUAL, java.util.Timer.class, "schedule", "(Ljava/util/TimerTask;J)V"));
        assertEquals(Kind.JOIN, kind(Opcodes.INVOKEVIRTUAL, Thread.class, "join", "()V"));
    }

    @Test
    void onlyLookingMethodsRead() {
        assertTrue(SyncContracts.onlyReads("get"));
        assertTrue(SyncContracts.onlyReads("iterator"));
        assertTrue(SyncContracts.onlyReads("isEmpty"));
        assertFalse(SyncContracts.onlyReads("add"));
        assertFalse(SyncContracts.onlyReads("format"));
        assertFalse(SyncContracts.onlyReads("append"));
        assertTrue(SyncContracts.returnsView("keySet"));
        assertFalse(SyncContracts.returnsView("get"));
    }

    @Test
    void taskBodiesAreFoundThroughTheHierarchy() {
        assertEquals(TaskClass.FORK_JOIN, contracts.taskClassOf("java/util/concurrent/RecursiveAction", loader));
        assertEquals(
                TaskClass.FORK_JOIN, contracts.taskClassOf(Split.class.getName().replace('.', '/'), loader));
        assertEquals(TaskClass.TIMER, contracts.taskClassOf("java/util/TimerTask", loader));
        assertNull(contracts.taskClassOf("java/lang/Object", loader));
        assertTrue(TaskClass.FORK_JOIN.isBody("compute", "()Ljava/lang/Object;"));
        assertFalse(TaskClass.FORK_JOIN.isBody("fork", "()Ljava/util/concurrent/ForkJoinTask;"));
    }
}
