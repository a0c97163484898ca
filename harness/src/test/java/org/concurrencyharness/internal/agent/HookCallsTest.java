package org.concurrencyharness.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.concurrencyharness.internal.race.Hooks;
import org.concurrencyharness.internal.race.SyncContracts;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/** Every hook the instrumented code calls exists in Hooks, public and static, with the descriptor it is called with. */
class HookCallsTest {

    private static Set<String> hooks() {
        Set<String> found = new TreeSet<>();
        for (java.lang.reflect.Method method : Hooks.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())) {
                found.add(method.getName() + Type.getMethodDescriptor(method));
            }
        }
        return found;
    }

    private static List<Method> called() throws IllegalAccessException {
        List<Method> called = new ArrayList<>();
        for (Field field : HookCalls.class.getDeclaredFields()) {
            if (field.getType() == Method.class) {
                called.add((Method) field.get(null));
            }
        }
        for (String task : SyncContracts.TASK_TYPES) {
            called.add(HookCalls.wrap(Type.getObjectType(task)));
        }
        for (String function : SyncContracts.CALLBACK_TYPES) {
            called.add(HookCalls.callback(Type.getObjectType(function)));
        }
        for (String function : SyncContracts.KEYED_TYPES) {
            called.add(HookCalls.keyedCallback(Type.getObjectType(function)));
        }
        return called;
    }

    @Test
    void everyCalledHookExistsWithItsDescriptor() throws IllegalAccessException {
        Set<String> hooks = hooks();
        List<Method> called = called();
        assertTrue(called.size() > 40, "found only " + called.size() + " hook calls");
        List<String> missing = new ArrayList<>();
        for (Method method : called) {
            if (!hooks.contains(method.getName() + method.getDescriptor())) {
                missing.add(method.getName() + method.getDescriptor());
            }
        }
        assertEquals(List.of(), missing, "hooks called but not in Hooks; it has " + hooks);
    }
}
