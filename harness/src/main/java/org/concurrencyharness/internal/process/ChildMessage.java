package org.concurrencyharness.internal.process;

import java.util.List;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.WorkerResult;

/**
 * What a child of a forked exercise sends its parent, one a line on its standard output; {@link ChildProtocol}
 * writes and reads them. The parent's answers are {@link ParentMessage}s.
 */
sealed interface ChildMessage {

    /** The child has started and waits for its first command. */
    record Ready() implements ChildMessage {}

    /**
     * A line the exercise printed. The child's own standard output carries the protocol, so what the exercise
     * prints on either stream travels as these.
     *
     * @param onStderr whether it went to {@code System.err} rather than {@code System.out}
     */
    record PrintedLine(boolean onStderr, String line) implements ChildMessage {}

    /**
     * A call on a shared object the parent hosts, which the parent answers with a {@link ParentMessage.Reply} of
     * the same id.
     *
     * @param id the call's number in its child, for the reply
     * @param object the kind of shared object: {@code map}, {@code list}, {@code queue}, {@code lock} or {@code pipe}
     * @param name the object's name (empty for the invocation's pipe)
     * @param operation the operation, such as {@code get} or {@code put}
     * @param invocation the invocation the child was running, -1 before its first
     * @param thread the calling thread's name
     * @param frame the program's call, for a call that may take part in a lost update; null for others
     * @param args the operation's arguments, plain values
     */
    record SharedCall(
            long id,
            String object,
            String name,
            String operation,
            int invocation,
            String thread,
            UserFrame frame,
            List<Object> args)
            implements ChildMessage {}

    /**
     * What one invocation did, timed by the child's clock.
     *
     * @param invocation the invocation's number
     * @param threads the child's threads that ran it; none when the child could not run it
     * @param returnValue the rendered return value of an invocation of one thread; null for void and for none
     * @param races the races between the child's threads
     * @param lostUpdates the lost updates between the child's threads
     * @param errors what went wrong
     * @param startMillis when the child began the invocation, in epoch milliseconds
     * @param endMillis when it was done, in epoch milliseconds
     */
    record InvocationResult(
            int invocation,
            List<WorkerResult> threads,
            String returnValue,
            List<Race> races,
            List<LostUpdate> lostUpdates,
            List<String> errors,
            long startMillis,
            long endMillis)
            implements ChildMessage {}
}
