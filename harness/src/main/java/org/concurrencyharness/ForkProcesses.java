package org.concurrencyharness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method in {@link #value()} separate JVM processes at once, each told its
 * index.
 *
 * <p>With {@link Semaphore}, that many worker processes run the invocations as a process pool
 * does. With {@link Concurrent}, each process runs that many threads. Processes share nothing
 * but what the harness hosts for them in the parent: see {@link Shared}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ForkProcesses {

    /** How many invocations, each in its own process (or served by a pool); at least 1. */
    int value();

    /**
     * A static method of the exercise's class that runs in the parent while the children run,
     * once for each invocation, as {@code static void m(Pipe pipe)} or
     * {@code static void m(int index, Pipe pipe)}: the parent's end of that child's pipe.
     */
    String parent() default "";
}
