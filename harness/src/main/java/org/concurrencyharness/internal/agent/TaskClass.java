package org.concurrencyharness.internal.agent;

/**
 * Classes whose objects are tasks of the JDK's, run by its threads: what their body does starts
 * from the task's hand-over ({@code fork}, {@code invoke}, {@code schedule}) and ends before
 * whoever waits for it. The JDK's code runs the body, so the body itself tells the analysis.
 */
enum TaskClass {
    /** {@code RecursiveTask}, {@code RecursiveAction}, {@code CountedCompleter}: {@code compute}, and a completer's {@code onCompletion}. */
    FORK_JOIN("java/util/concurrent/ForkJoinTask") {
        @Override
        boolean isBody(String method, String descriptor) {
            return "compute".equals(method) && descriptor.startsWith("()")
                    || "onCompletion".equals(method) && descriptor.equals("(Ljava/util/concurrent/CountedCompleter;)V");
        }
    },
    /** {@code TimerTask}: {@code run}. */
    TIMER("java/util/TimerTask") {
        @Override
        boolean isBody(String method, String descriptor) {
            return "run".equals(method) && descriptor.equals("()V");
        }
    };

    private final String jdkType;

    TaskClass(String jdkType) {
        this.jdkType = jdkType;
    }

    abstract boolean isBody(String method, String descriptor);

    /** The kind of task a class with this superclass is, or null. */
    static TaskClass of(String superName, TypeHierarchy hierarchy, ClassLoader loader) {
        if (superName == null) {
            return null;
        }
        for (TaskClass kind : values()) {
            if (hierarchy.isSubtype(superName, kind.jdkType, loader)) {
                return kind;
            }
        }
        return null;
    }
}
