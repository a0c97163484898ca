package org.concurrencyharness.internal.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concurrencyharness.internal.race.SyncContracts;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * An escape analysis within one method: the calls on JDK objects that are not thread-safe which
 * the method made itself ({@code new StringBuilder()}, {@code new ArrayList<>()}) and never lets
 * out of its frame. No other thread can reach such an object, so no call on it can race and the
 * agent leaves those calls unchecked: javac's string concatenation for Java 8, which libraries
 * still are compiled for, makes a builder per expression, and each would otherwise cost the
 * detector a new entry in its table of shadows.
 *
 * <p>An object stays in the frame while each value that may be it is only stored in locals,
 * copied by {@code dup}, cast, compared, tested for null, constructed, or the receiver of a call
 * whose result is a primitive, a {@code String}, an {@code Object} (an element or a copy, see
 * SyncContracts#isConfinable) or, for a builder's {@code append}, the object again. Anything
 * else (a field or an element stored, an argument, a return, a view asked for) lets it out.
 */
final class UnsharedObjects {

    /** Stands for a value that may be something other than an object made here. */
    private static final AbstractInsnNode ELSEWHERE = new TypeInsnNode(Opcodes.NEW, "?");

    private UnsharedObjects() {}

    /** The calls of the method whose receiver is always one of its own objects that stays in its frame. */
    static Set<MethodInsnNode> of(MethodFlow flow) {
        AbstractInsnNode[] instructions = flow.instructions();
        boolean makesAny = false;
        for (AbstractInsnNode instruction : instructions) {
            makesAny |= instruction.getOpcode() == Opcodes.NEW
                    && SyncContracts.isConfinable(((TypeInsnNode) instruction).desc);
        }
        Frame<SourceValue>[] frames = makesAny ? flow.frames() : null;
        if (frames == null) {
            return Set.of();
        }
        Uses uses = new Uses();
        try {
            for (int index = 0; index < instructions.length; index++) {
                if (frames[index] != null && instructions[index].getOpcode() >= 0) {
                    new Frame<>(frames[index]).execute(instructions[index], uses);
                }
            }
        } catch (AnalyzerException | RuntimeException e) {
            return Set.of();
        }
        Map<AbstractInsnNode, Set<AbstractInsnNode>> made = madeBy(uses);
        Set<AbstractInsnNode> escaped = new HashSet<>();
        escaped.add(ELSEWHERE);
        Map<MethodInsnNode, Set<AbstractInsnNode>> receivers = new HashMap<>();
        for (Use use : uses.all) {
            Set<AbstractInsnNode> objects = origins(use.value, made);
            if (!keepsInFrame(use, objects)) {
                escaped.addAll(objects);
            } else if (use.operand == 0
                    && use.instruction instanceof MethodInsnNode call
                    && call.getOpcode() != Opcodes.INVOKESPECIAL
                    && !objects.isEmpty()) {
                receivers.put(call, objects);
            }
        }
        // a call stays unchecked only if none of the objects its receiver may be got out
        Set<MethodInsnNode> unshared = new HashSet<>();
        receivers.forEach((call, objects) -> {
            if (objects.stream().noneMatch(escaped::contains)) {
                unshared.add(call);
            }
        });
        return unshared;
    }

    /** Whether this use of a value that may be these objects keeps each of them in the frame. */
    private static boolean keepsInFrame(Use use, Set<AbstractInsnNode> objects) {
        if (objects.isEmpty()) {
            return true;
        }
        AbstractInsnNode instruction = use.instruction;
        switch (instruction.getOpcode()) {
            case Opcodes.ALOAD, Opcodes.ASTORE, Opcodes.DUP, Opcodes.CHECKCAST -> {
                return true;
            }
            case Opcodes.INSTANCEOF, Opcodes.IFNULL, Opcodes.IFNONNULL, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> {
                return true;
            }
            case Opcodes.INVOKESPECIAL -> {
                MethodInsnNode call = (MethodInsnNode) instruction;
                return use.operand == 0
                        && call.name.equals("<init>")
                        && objects.stream()
                                .allMatch(
                                        object -> object instanceof TypeInsnNode made && made.desc.equals(call.owner));
            }
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE -> {
                MethodInsnNode call = (MethodInsnNode) instruction;
                return use.operand == 0 && (returnsNoReference(call.desc) || returnsItsReceiver(call));
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean returnsNoReference(String descriptor) {
        Type returned = Type.getReturnType(descriptor);
        return returned.getSort() != Type.OBJECT && returned.getSort() != Type.ARRAY
                || returned.getInternalName().equals("java/lang/String")
                || returned.getInternalName().equals("java/lang/Object");
    }

    private static boolean returnsItsReceiver(MethodInsnNode call) {
        return SyncContracts.returnsReceiver(call.owner, call.desc);
    }

    /**
     * For each instruction that pushes a value, the objects made here it may be ({@link #ELSEWHERE}
     * among them if it may be anything else): made by {@code new}, or passed on by a local, a copy,
     * a cast or a call that returns its receiver. Grown until nothing changes, as locals carry
     * values around loops.
     */
    private static Map<AbstractInsnNode, Set<AbstractInsnNode>> madeBy(Uses uses) {
        Map<AbstractInsnNode, Set<AbstractInsnNode>> made = new IdentityHashMap<>();
        Map<AbstractInsnNode, SourceValue> passedOn = new IdentityHashMap<>();
        for (Use use : uses.all) {
            AbstractInsnNode instruction = use.instruction;
            int opcode = instruction.getOpcode();
            boolean passes = opcode == Opcodes.ALOAD
                    || opcode == Opcodes.ASTORE
                    || opcode == Opcodes.DUP
                    || opcode == Opcodes.CHECKCAST
                    || use.operand == 0
                            && instruction instanceof MethodInsnNode call
                            && call.getOpcode() == Opcodes.INVOKEVIRTUAL
                            && returnsItsReceiver(call);
            if (passes) {
                passedOn.put(instruction, use.value);
            }
        }
        for (AbstractInsnNode instruction : uses.instructions) {
            Set<AbstractInsnNode> objects = new HashSet<>();
            if (instruction.getOpcode() == Opcodes.NEW
                    && SyncContracts.isConfinable(((TypeInsnNode) instruction).desc)) {
                objects.add(instruction);
            } else if (!passedOn.containsKey(instruction)) {
                objects.add(ELSEWHERE);
            }
            made.put(instruction, objects);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<AbstractInsnNode, SourceValue> passing : passedOn.entrySet()) {
                changed |= made.get(passing.getKey()).addAll(origins(passing.getValue(), made));
            }
        }
        return made;
    }

    /** The objects made here a value may be: those of each instruction that may have pushed it. */
    private static Set<AbstractInsnNode> origins(SourceValue value, Map<AbstractInsnNode, Set<AbstractInsnNode>> made) {
        if (value.insns.isEmpty()) {
            // a parameter, or a local before any store
            return Set.of(ELSEWHERE);
        }
        Set<AbstractInsnNode> objects = new HashSet<>();
        for (AbstractInsnNode source : value.insns) {
            objects.addAll(made.getOrDefault(source, Set.of(ELSEWHERE)));
        }
        return objects;
    }

    /** One value an instruction takes: from the stack, or the local an {@code aload} reads. */
    private record Use(AbstractInsnNode instruction, int operand, SourceValue value) {}

    /** Records, as each instruction runs again on its final frame, the values it takes. */
    private static final class Uses extends SourceInterpreter {
        final List<Use> all = new ArrayList<>();
        final Set<AbstractInsnNode> instructions = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Uses() {
            super(Opcodes.ASM9);
        }

        private void take(AbstractInsnNode instruction, int operand, SourceValue value) {
            all.add(new Use(instruction, operand, value));
            instructions.add(instruction);
        }

        @Override
        public SourceValue newOperation(AbstractInsnNode instruction) {
            instructions.add(instruction);
            return super.newOperation(instruction);
        }

        @Override
        public SourceValue copyOperation(AbstractInsnNode instruction, SourceValue value) {
            take(instruction, 0, value);
            return super.copyOperation(instruction, value);
        }

        @Override
        public SourceValue unaryOperation(AbstractInsnNode instruction, SourceValue value) {
            take(instruction, 0, value);
            return super.unaryOperation(instruction, value);
        }

        @Override
        public SourceValue binaryOperation(AbstractInsnNode instruction, SourceValue value1, SourceValue value2) {
            take(instruction, 0, value1);
            take(instruction, 1, value2);
            return super.binaryOperation(instruction, value1, value2);
        }

        @Override
        public SourceValue ternaryOperation(
                AbstractInsnNode instruction, SourceValue value1, SourceValue value2, SourceValue value3) {
            take(instruction, 0, value1);
            take(instruction, 1, value2);
            take(instruction, 2, value3);
            return super.ternaryOperation(instruction, value1, value2, value3);
        }

        @Override
        public SourceValue naryOperation(AbstractInsnNode instruction, List<? extends SourceValue> values) {
            for (int operand = 0; operand < values.size(); operand++) {
                take(instruction, operand, values.get(operand));
            }
            if (values.isEmpty()) {
                instructions.add(instruction);
            }
            return super.naryOperation(instruction, values);
        }

        @Override
        public void returnOperation(AbstractInsnNode instruction, SourceValue value, SourceValue expected) {
            take(instruction, 0, value);
        }
    }
}
