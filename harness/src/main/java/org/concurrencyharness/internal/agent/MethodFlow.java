package org.concurrencyharness.internal.agent;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * What RedundantChecks and HoistedLoops both read of a method's flow, worked out once, when
 * first asked: the labels control reaches other than by falling through, and for each
 * instruction the instructions that pushed the values it finds.
 */
final class MethodFlow {

    private final String owner;
    private final MethodNode method;
    private final AbstractInsnNode[] instructions;
    private Map<LabelNode, Integer> jumpsTo;
    private Frame<SourceValue>[] frames;
    private boolean analysed;

    MethodFlow(String owner, MethodNode method) {
        this.owner = owner;
        this.method = method;
        this.instructions = method.instructions.toArray();
    }

    MethodNode method() {
        return method;
    }

    AbstractInsnNode[] instructions() {
        return instructions;
    }

    /** The labels control reaches other than by falling through: jump and switch targets, handlers. */
    Set<LabelNode> joins() {
        return jumpsTo().keySet();
    }

    /** How many ways control reaches each of those labels: jumps (one each), switches and handlers (two each). */
    Map<LabelNode, Integer> jumpsTo() {
        if (jumpsTo == null) {
            jumpsTo = new HashMap<>();
            for (AbstractInsnNode instruction : instructions) {
                if (instruction instanceof JumpInsnNode jump) {
                    jumpsTo.merge(jump.label, 1, Integer::sum);
                } else if (instruction instanceof TableSwitchInsnNode table) {
                    table.labels.forEach(label -> jumpsTo.merge(label, 2, Integer::sum));
                    jumpsTo.merge(table.dflt, 2, Integer::sum);
                } else if (instruction instanceof LookupSwitchInsnNode lookup) {
                    lookup.labels.forEach(label -> jumpsTo.merge(label, 2, Integer::sum));
                    jumpsTo.merge(lookup.dflt, 2, Integer::sum);
                }
            }
            for (TryCatchBlockNode block : method.tryCatchBlocks) {
                jumpsTo.merge(block.handler, 2, Integer::sum);
            }
        }
        return jumpsTo;
    }

    /** Each instruction's frame of the sources of its values (null where unreachable), or null if the analysis fails. */
    Frame<SourceValue>[] frames() {
        if (!analysed) {
            analysed = true;
            try {
                frames = new Analyzer<>(new SourceInterpreter()).analyze(owner, method);
            } catch (AnalyzerException | RuntimeException e) {
                frames = null;
            }
        }
        return frames;
    }
}
