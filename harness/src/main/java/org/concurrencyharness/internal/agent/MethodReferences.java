package org.concurrencyharness.internal.agent;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Method references as javac compiles them: an {@code invokedynamic} whose bootstrap is the JDK's
 * lambda factory, with the method referred to as a handle among the bootstrap's arguments.
 */
final class MethodReferences {

    private static final String FACTORY = "java/lang/invoke/LambdaMetafactory";
    /** The index of the method referred to among the factory's arguments. */
    private static final int IMPLEMENTATION = 1;
    /** The index of {@code altMetafactory}'s flags, and the flag of a serializable lambda. */
    private static final int FLAGS = 3;

    private static final int SERIALIZABLE = 1;

    private MethodReferences() {}

    /**
     * The method a lambda factory's bootstrap refers to, or null: another bootstrap, or a
     * serializable lambda, whose deserialisation looks for the method by name.
     */
    static Handle referenced(Handle bootstrap, Object[] arguments) {
        if (!FACTORY.equals(bootstrap.getOwner())
                || arguments.length <= IMPLEMENTATION
                || !(arguments[IMPLEMENTATION] instanceof Handle implementation)) {
            return null;
        }
        boolean serializable = "altMetafactory".equals(bootstrap.getName())
                && arguments.length > FLAGS
                && arguments[FLAGS] instanceof Integer flags
                && (flags & SERIALIZABLE) != 0;
        boolean factory = "metafactory".equals(bootstrap.getName()) || "altMetafactory".equals(bootstrap.getName());
        return factory && !serializable ? implementation : null;
    }

    /** The call instruction a handle stands for, or -1 for a kind a bridge does not replace (constructors, super calls). */
    static int opcodeOf(Handle handle) {
        if (handle.getOwner().startsWith("[")) {
            return -1;
        }
        return switch (handle.getTag()) {
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            default -> -1;
        };
    }

    /**
     * The descriptor of a static method doing the call: the receiver, if there is one, comes first. A receiver the
     * reference captures ({@code pool::submit}) has the type the reference captures it as, as the lambda factory
     * wants, which may be a subclass of the method's class ({@code ThreadPoolExecutor} for {@code
     * AbstractExecutorService.submit}); one passed with each call has the method's class.
     */
    static String staticDescriptor(int opcode, String owner, String descriptor, String referenceDescriptor) {
        if (opcode == Opcodes.INVOKESTATIC) {
            return descriptor;
        }
        Type[] captured = Type.getArgumentTypes(referenceDescriptor);
        String receiver = captured.length > 0 ? captured[0].getDescriptor() : "L" + owner + ";";
        return "(" + receiver + descriptor.substring(1);
    }

    /** The factory's arguments with another method in place of the one referred to. */
    static Object[] withTarget(Object[] arguments, Handle target) {
        Object[] replaced = arguments.clone();
        replaced[IMPLEMENTATION] = target;
        return replaced;
    }
}
