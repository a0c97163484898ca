package org.concurrencyharness.internal.execution;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Method;
import java.util.Arrays;

/** Stack traces as text, without the harness's own frames below the exercise. */
final class StackTraces {

    private StackTraces() {}

    /** The throwable with its causes, each trace cut after the exercise method's frame. */
    static String of(Throwable error, Method exercise) {
        trim(error, exercise);
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString().stripTrailing();
    }

    private static void trim(Throwable error, Method exercise) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            t.setStackTrace(upToExercise(t.getStackTrace(), exercise));
        }
    }

    /** The frames down to the exercise method's: below it is only the harness calling it. */
    static StackTraceElement[] upToExercise(StackTraceElement[] frames, Method exercise) {
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals(exercise.getDeclaringClass().getName())
                    && frames[i].getMethodName().equals(exercise.getName())) {
                last = i;
            }
        }
        return last < 0 ? frames : Arrays.copyOf(frames, last + 1);
    }

    /** A live thread's stack, as jstack prints it. */
    static String of(Thread thread, Method exercise) {
        StringBuilder out = new StringBuilder();
        out.append('"').append(thread.getName()).append("\" ").append(thread.getState());
        for (StackTraceElement frame : upToExercise(thread.getStackTrace(), exercise)) {
            out.append("\n\tat ").append(frame);
        }
        return out.toString();
    }

    /** A thread as the thread MX bean saw it, with the locks it holds and waits for. */
    static String of(ThreadInfo info, Method exercise) {
        StringBuilder out = new StringBuilder();
        out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
        LockInfo waitingFor = info.getLockInfo();
        if (waitingFor != null) {
            out.append(" waiting for ").append(waitingFor);
            if (info.getLockOwnerName() != null) {
                out.append(" held by \"").append(info.getLockOwnerName()).append('"');
            }
        }
        StackTraceElement[] frames = upToExercise(info.getStackTrace(), exercise);
        MonitorInfo[] monitors = info.getLockedMonitors();
        for (int i = 0; i < frames.length; i++) {
            out.append("\n\tat ").append(frames[i]);
            for (MonitorInfo monitor : monitors) {
                if (monitor.getLockedStackDepth() == i) {
                    out.append("\n\t- locked ").append(monitor);
                }
            }
        }
        for (LockInfo synchronizer : info.getLockedSynchronizers()) {
            out.append("\n\t- holds ").append(synchronizer);
        }
        return out.toString();
    }
}
