package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.RecursiveAction;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/** What each call means to the analysis, whatever class the instruction names. */
class CallContractsTest {

    /** A lock of the program's that locks itself. */
    static class Guarded extends ReentrantLock {}

    /** A fork-join task of the program's. */
    static class Split extends RecursiveAction {
        @Override
        protected void compute() {}
    }

    private final CallContracts contracts = new CallContracts(new TypeHierarchy());
    private final ClassLoader loader = getClass().getClassLoader();

    private SyncBridges.Kind kind(int opcode, Class<?> owner, String name, String descriptor) {
        return contracts.kindOf(opcode, owner.getName().replace('.', '/'), name, descriptor, loader);
    }

    @Test
    void callsOnObjectsThatAreNotThreadSafeAreObjectCalls() {
        assertEquals(
                SyncBridges.Kind.OBJECT_CALL,
                kind(Opcodes.INVOKEVIRTUAL, java.util.ArrayList.class, "add", "(Ljava/lang/Object;)Z"));
        assertEquals(
                SyncBridges.Kind.OBJECT_CALL,
                kind(Opcodes.INVOKEINTERFACE, java.util.Map.class, "get", "(Ljava/lang/Object;)Ljava/lang/Object;"));
        assertEquals(
                SyncBridges.Kind.OBJECT_CALL,
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
        assertEquals(SyncBridges.Kind.SYNC, kind(Opcodes.INVOKEVIRTUAL, Guarded.class, "lock", "()V"));
        assertEquals(
                SyncBridges.Kind.SYNC,
                kind(Opcodes.INVOKEVIRTUAL, Split.class, "fork", "()Ljava/util/concurrent/ForkJoinTask;"));
        assertNull(kind(Opcodes.INVOKEVIRTUAL, CallContractsTest.class, "kind", "()V"));
    }

    @Test
    void someCallsHaveContractsOfTheirOwn() {
        assertEquals(
                SyncBridges.Kind.VALIDATE,
                kind(Opcodes.INVOKEVIRTUAL, java.util.concurrent.locks.StampedLock.class, "validate", "(J)Z"));
        assertEquals(
                SyncBridges.Kind.STREAM,
                kind(
                        Opcodes.INVOKEINTERFACE,
                        java.util.stream.Stream.class,
                        "map",
                        "(Ljava/util/function/Function;)Ljava/util/stream/Stream;"));
        assertEquals(
                SyncBridges.Kind.SYNC,
                kind(Opcodes.INVOKEVIRTUAL, java.util.Timer.class, "schedule", "(Ljava/util/TimerTask;J)V"));
        assertEquals(SyncBridges.Kind.JOIN, kind(Opcodes.INVOKEVIRTUAL, Thread.class, "join", "()V"));
    }

    @Test
    void onlyLookingMethodsRead() {
        assertTrue(CallContracts.onlyReads("get"));
        assertTrue(CallContracts.onlyReads("iterator"));
        assertTrue(CallContracts.onlyReads("isEmpty"));
        assertFalse(CallContracts.onlyReads("add"));
        assertFalse(CallContracts.onlyReads("format"));
        assertFalse(CallContracts.onlyReads("append"));
        assertTrue(CallContracts.returnsView("keySet"));
        assertFalse(CallContracts.returnsView("get"));
    }

    @Test
    void taskBodiesAreFoundThroughTheHierarchy() {
        TypeHierarchy hierarchy = new TypeHierarchy();
        assertEquals(TaskClass.FORK_JOIN, TaskClass.of("java/util/concurrent/RecursiveAction", hierarchy, loader));
        assertEquals(TaskClass.FORK_JOIN, TaskClass.of(Split.class.getName().replace('.', '/'), hierarchy, loader));
        assertEquals(TaskClass.TIMER, TaskClass.of("java/util/TimerTask", hierarchy, loader));
        assertNull(TaskClass.of("java/lang/Object", hierarchy, loader));
        assertTrue(TaskClass.FORK_JOIN.isBody("compute", "()Ljava/lang/Object;"));
        assertFalse(TaskClass.FORK_JOIN.isBody("fork", "()Ljava/util/concurrent/ForkJoinTask;"));
    }
}
