package org.concurrencyharness.internal.process;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends this JVM, and every process it started, once the process that started it is gone. The
 * harness starts each of its JVMs (the plugin's fork, a forked exercise's children) with a pipe on
 * its standard input whose other end only the parent holds, and the system closes that end when
 * the parent dies, however it dies: {@code kill -9} leaves a parent no time to end its children
 * itself. The end of that input is the sign, as it is for Surefire's forks.
 */
public final class ParentWatch {

    /** 128 + SIGHUP: what a shell's jobs get when their terminal goes away. Nobody is left to read it. */
    static final int PARENT_GONE_STATUS = 129;

    private ParentWatch() {}

    /** Reads the input on a thread of its own, which ends this JVM when the input ends. */
    public static void endWhenClosed(InputStream fromParent) {
        Thread watch = new Thread(
                () -> {
                    drain(fromParent);
                    endProcessTree();
                },
                "concurrency-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Ends every process this JVM started, then this JVM, at once: there is no one left to report to. */
    static void endProcessTree() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(PARENT_GONE_STATUS);
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // nothing is sent on it: only its end means anything
            }
        } catch (IOException closed) {
            // as good as its end
        }
    }
}
