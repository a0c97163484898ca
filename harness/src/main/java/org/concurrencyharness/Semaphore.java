package org.concurrencyharness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * At most {@link #value()} of the threads (or processes) execute the method body at once; the
 * others wait. The report shows the highest concurrency seen and how long each one waited.
 *
 * <p>With {@link ForkProcesses}, the permits are worker processes: that many JVMs serve all the
 * invocations, each reused, as a process pool does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Semaphore {

    /** The number of permits; at least 1. */
    int value();
}
