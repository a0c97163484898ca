package org.concurrencyharness.internal.agent;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concurrencyharness.internal.race.SyncContracts;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the agent does at each instruction of one method, worked out from the method read whole
 * before any code is written. Each analysis (RedundantChecks, HoistedLoops, MonitorEntries,
 * ReceiverFields) decides for the instructions it knows; the emitters look their instruction up
 * here. Keyed by the instruction itself, never by counting: a pass that counted differently
 * would put a check on the wrong access without anyone noticing.
 */
final class MethodPlan {

    /** What is done at one instruction, beyond what its kind alone says. */
    sealed interface Step {}

    /** A field access whose check is left out, as FastTrack would find it redundant. */
    record Redundant() implements Step {}

    /** A field access checked later, at the last access of its object's group. */
    record Deferred() implements Step {}

    /** The last access of a group of one object's field accesses: it checks them all, in order. */
    record GroupEnd(List<AbstractInsnNode> accesses) implements Step {}

    /** An element access checked where it is, with the local caching its shadows ({@code -1}: none). */
    record Element(int cache) implements Step {}

    /** An element access its loop checks as a range when it ends. */
    record InRange() implements Step {}

    /** A {@code monitorenter} whose hook goes after the label that follows it (see MonitorEntries). */
    record HookAfterLabel() implements Step {}

    /** A call on a JDK object the code reached through a field, which names the object in races. */
    record Receiver(String field) implements Step {}

    /** A JDK call that goes through arrays (see SyncContracts#arrayRanges): the field of each range's array, or null. */
    record ArrayArguments(String[] fields) implements Step {}

    /** A call on a JDK object this method made and never lets out (see UnsharedObjects): no other thread reaches it. */
    record Unshared() implements Step {}

    private static final Step REDUNDANT = new Redundant();
    private static final Step UNSHARED = new Unshared();
    private static final Step DEFERRED = new Deferred();
    private static final Step IN_RANGE = new InRange();
    private static final Step HOOK_AFTER_LABEL = new HookAfterLabel();

    private final Map<AbstractInsnNode, Step> steps;
    private final HoistedLoops loops;
    private final int cachedSites;
    private final boolean checksAccesses;
    private final boolean fenced;

    private MethodPlan(
            Map<AbstractInsnNode, Step> steps,
            HoistedLoops loops,
            int cachedSites,
            boolean checksAccesses,
            boolean fenced) {
        this.steps = steps;
        this.loops = loops;
        this.cachedSites = cachedSites;
        this.checksAccesses = checksAccesses;
        this.fenced = fenced;
    }

    /**
     * The plan of a method of {@code owner}. {@code cachesArraySites}: whether element sites get a
     * local caching their shadows, and loops code of their own (not when the method must stay small).
     */
    static MethodPlan of(
            String owner, MethodNode method, RaceClassVisitor.Declarations declarations, boolean cachesArraySites) {
        MethodFlow flow = new MethodFlow(owner, method);
        // loops need code of their own: not when the method must stay small, nor in a class
        // initialiser, which is not checked
        HoistedLoops loops = cachesArraySites && !"<clinit>".equals(method.name)
                ? HoistedLoops.of(flow, declarations)
                : HoistedLoops.NONE;
        FieldChecks fields = RedundantChecks.of(flow, declarations);
        Set<AbstractInsnNode> hookedAfterLabel = MonitorEntries.hookedAfterLabel(method);
        ReceiverFields receivers = ReceiverFields.of(
                flow, called -> SyncContracts.isObjectOwner(called) || SyncContracts.isUpdateOwner(called));
        Set<MethodInsnNode> unshared = UnsharedObjects.of(flow);
        Map<AbstractInsnNode, Step> steps = new IdentityHashMap<>();
        int elementSites = 0;
        int cachedSites = 0;
        boolean checksFields = false;
        boolean fenced = false;
        for (AbstractInsnNode instruction : method.instructions) {
            if (ArrayInstructions.isAccess(instruction.getOpcode())) {
                if (loops.isHoisted(instruction)) {
                    steps.put(instruction, IN_RANGE);
                } else {
                    elementSites++;
                    steps.put(instruction, new Element(cachesArraySites ? cachedSites++ : -1));
                }
            } else if (instruction instanceof FieldInsnNode field) {
                Step step = fields.redundant().contains(field)
                        ? REDUNDANT
                        : fields.coalesced().contains(field)
                                ? DEFERRED
                                : fields.groups().containsKey(field)
                                        ? new GroupEnd(fields.groups().get(field))
                                        : null;
                if (step != null) {
                    steps.put(field, step);
                }
                FieldDeclarations.Declaration declaration = declarations.of(field.owner, field.name);
                checksFields |= !(declaration != null && declaration.isFinal() || fields.leftOut(field));
            } else if (hookedAfterLabel.contains(instruction)) {
                steps.put(instruction, HOOK_AFTER_LABEL);
            } else if (instruction instanceof MethodInsnNode call) {
                String receiver = receivers.of(call);
                if (receivers.arraysOf(call) != null) {
                    steps.put(call, new ArrayArguments(receivers.arraysOf(call)));
                } else if (unshared.contains(call)) {
                    steps.put(call, UNSHARED);
                } else if (receiver != null) {
                    steps.put(call, new Receiver(receiver));
                }
                fenced |= SyncContracts.isFence(call.owner, call.name);
            } else if (instruction instanceof InvokeDynamicInsnNode reference && receivers.of(reference) != null) {
                steps.put(reference, new Receiver(receivers.of(reference)));
            }
        }
        return new MethodPlan(
                steps, loops, cachedSites, elementSites > 0 || !loops.loops().isEmpty() || checksFields, fenced);
    }

    /** What is done at the instruction beyond what its kind says, or null: a field access checked where it is. */
    Step at(AbstractInsnNode instruction) {
        return steps.get(instruction);
    }

    /** Its loops whose array accesses are checked as ranges when they end. */
    HoistedLoops loops() {
        return loops;
    }

    /** How many locals cache element sites' shadows. */
    int cachedSites() {
        return cachedSites;
    }

    /**
     * Whether any of its accesses will be checked: only then does it fetch the thread's state on
     * entry, which spares the first check the lookup.
     */
    boolean checksAccesses() {
        return checksAccesses;
    }

    /**
     * Whether it orders its plain field accesses with fences ({@code VarHandle.releaseFence()},
     * {@code acquireFence()}, ...), as lock-free code does: its accesses synchronise as volatile ones.
     */
    boolean fenced() {
        return fenced;
    }
}
