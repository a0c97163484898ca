package org.concurrencyharness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * With {@link Concurrent}: the threads are daemon threads and the run does not wait for them.
 *
 * <p>The round ends as soon as the main flow has started them all. The report shows the main
 * flow's time, how many threads had finished by then and the shared state at that moment; the
 * threads still running are abandoned and delay nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Daemon {}
