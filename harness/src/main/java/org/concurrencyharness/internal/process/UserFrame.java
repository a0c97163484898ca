package org.concurrencyharness.internal.process;

import java.util.Optional;

/**
 * The program's call on a shared object: the nearest frame outside the harness's own classes, as a race names its
 * accesses. Found by walking a few frames, which costs microseconds against the call's round trip to the parent.
 *
 * @param method {@code SimpleClass.method}
 * @param location {@code File.java:LINE}
 */
record UserFrame(String method, String location) {

    private static final String HARNESS = "org.concurrencyharness.internal.";
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final UserFrame UNKNOWN = new UserFrame("unknown", "unknown");

    /** The program's frame that led to this call. */
    static UserFrame ofCaller() {
        Optional<StackWalker.StackFrame> found = WALKER.walk(
                frames -> frames.filter(frame -> !frame.getClassName().startsWith(HARNESS))
                        .findFirst());
        return found.map(UserFrame::of).orElse(UNKNOWN);
    }

    /** What a child sent with its call; {@link #UNKNOWN} when it sent none. */
    static UserFrame sentOrUnknown(UserFrame sent) {
        return sent == null ? UNKNOWN : sent;
    }

    private static UserFrame of(StackWalker.StackFrame frame) {
        String type = frame.getClassName();
        String file = frame.getFileName();
        return new UserFrame(
                type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName(),
                (file == null ? "unknown" : file) + ":" + frame.getLineNumber());
    }
}
