package org.concurrencyharness.internal.agent;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Where the hook after a {@code monitorenter} goes. The JIT compiles a method only if no
 * instruction that can throw while a monitor is held escapes every handler; a hook right after
 * the {@code monitorenter} would be such an instruction, as compilers open the region that
 * releases the monitor on an exception with a label just after it. So the hook goes after that
 * label when there is one (and no stack map frame is bound to it, which would have to come
 * first).
 */
final class MonitorEntries {

    private MonitorEntries() {}

    /**
     * The {@code monitorenter}s of the method whose very next node is a label opening a handler's
     * region: their hooks go right after that label.
     */
    static Set<AbstractInsnNode> hookedAfterLabel(MethodNode method) {
        Set<LabelNode> regionStarts = new HashSet<>();
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            regionStarts.add(block.start);
        }
        Set<AbstractInsnNode> deferred = new HashSet<>();
        for (AbstractInsnNode node : method.instructions) {
            if (node.getOpcode() != Opcodes.MONITORENTER) {
                continue;
            }
            if (node.getNext() instanceof LabelNode label && regionStarts.contains(label) && !hasFrame(label)) {
                deferred.add(node);
            }
        }
        return deferred;
    }

    private static boolean hasFrame(LabelNode label) {
        for (AbstractInsnNode node = label.getNext(); node != null && node.getOpcode() < 0; node = node.getNext()) {
            if (node.getType() == AbstractInsnNode.FRAME) {
                return true;
            }
            if (node.getType() == AbstractInsnNode.LABEL) {
                return false;
            }
        }
        return false;
    }
}
