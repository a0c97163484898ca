package org.concurrencyharness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method in {@link #threads()} threads at once, released together from a
 * start gate so that they really contend.
 *
 * <p>The method takes no parameter, or one {@code int}: the index of the thread that runs it,
 * from 0. An instance method runs on one instance of its class per round, built with the
 * no-argument constructor and shared by all the threads of that round; a static method shares
 * the class's static fields. The whole batch runs {@link #rounds()} times.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Concurrent {

    /** How many threads run the method at once; at least 1. */
    int threads() default 1;

    /** How many times the whole batch runs, each round on a fresh instance; at least 1. */
    int rounds() default 1;

    /** How long one round may take before its threads are reported as hung. */
    long timeoutMillis() default 60_000;
}
