package org.concurrencyharness.internal.agent;

import org.concurrencyharness.internal.race.SyncContracts;
import org.concurrencyharness.internal.race.SyncContracts.Kind;
import org.concurrencyharness.internal.race.SyncContracts.TaskClass;
import org.objectweb.asm.Opcodes;

/**
 * Looks a call instruction, or a class, up in the table of contracts (SyncContracts), which speaks
 * of the JDK's types: a class of the program's or of a library's that extends or implements a
 * synchronising JDK type follows that type's contract, for the methods it inherits, and one that
 * extends a task class of the JDK's has a body the JDK runs. Which JDK types a class descends from
 * the TypeHierarchy reads from class files.
 */
final class ContractLookup {

    private final TypeHierarchy hierarchy;

    ContractLookup(TypeHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** What the analysis hears around the call, or null for a call it need not hear about. */
    Kind kindOf(int opcode, String owner, String name, String descriptor, ClassLoader loader) {
        if (opcode == Opcodes.INVOKESPECIAL || opcode == Opcodes.INVOKEDYNAMIC) {
            return null;
        }
        Kind finalMethods = SyncContracts.kindOfFinal(opcode, name, descriptor);
        if (finalMethods != null) {
            return finalMethods;
        }
        String jdkOwner = jdkOwner(owner, loader);
        if (jdkOwner == null || !jdkOwner.equals(owner) && !TypeHierarchy.declares(jdkOwner, name)) {
            // the program's own methods of a class that extends a concurrent one synchronise only through what they
            // call
            return null;
        }
        return SyncContracts.kindOf(opcode, owner, jdkOwner, name, descriptor);
    }

    /**
     * The JDK type whose contract a call follows: the owner itself if it is the JDK's, else the
     * nearest synchronising JDK type it descends from; null if none.
     */
    private String jdkOwner(String owner, ClassLoader loader) {
        if (owner.startsWith("[")) {
            return null;
        }
        if (owner.startsWith("java/") || owner.startsWith("jdk/") || owner.startsWith("sun/")) {
            return owner;
        }
        for (String supertype : hierarchy.jdkSupertypes(owner, loader)) {
            if (SyncContracts.isSynchronisingType(supertype)) {
                return supertype;
            }
        }
        return null;
    }

    /** Whether a concurrent map's functional arguments to this call may be called back inside it. */
    boolean callsBack(String owner, ClassLoader loader) {
        return SyncContracts.callsBack(jdkOwner(owner, loader));
    }

    /** The kind of task a class with this superclass is, or null. */
    TaskClass taskClassOf(String superName, ClassLoader loader) {
        if (superName == null) {
            return null;
        }
        for (TaskClass kind : TaskClass.values()) {
            if (hierarchy.isSubtype(superName, kind.jdkType(), loader)) {
                return kind;
            }
        }
        return null;
    }
}
