package org.concurrencyharness.internal.process;

/**
 * What the parent of a forked exercise sends one of its children, one a line on the child's standard input;
 * {@link ChildProtocol} writes and reads them.
 */
sealed interface ParentMessage {

    /** Run one invocation, then send its {@link ChildMessage.InvocationResult}. */
    record Run(int invocation) implements ParentMessage {}

    /** Exit: no command comes after this one. */
    record Exit() implements ParentMessage {}

    /**
     * The answer to a {@link ChildMessage.SharedCall}: the operation's value, or why it failed.
     *
     * @param id the call's id
     * @param value what the operation returned, a plain value; null for none and for a failed call
     * @param error why the call failed; null when it did not
     */
    record Reply(long id, Object value, String error) implements ParentMessage {

        static Reply returning(long id, Object value) {
            return new Reply(id, value, null);
        }

        static Reply failed(long id, String error) {
            return new Reply(id, null, error);
        }
    }
}
