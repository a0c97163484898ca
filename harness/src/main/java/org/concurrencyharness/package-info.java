/**
 * The harness's public API, all a user's code compiles against: the annotations that make a method
 * an exercise ({@code @Concurrent}, {@code @Semaphore}, {@code @Daemon}, {@code @ForkProcesses},
 * {@code @ExpectRace}) and what the processes of a forked exercise share ({@code Shared} and its maps,
 * lists, queues, locks and pipes).
 *
 * <p>May use: {@link org.concurrencyharness.internal.process}, and only for {@code Shared}, whose entry
 * points hand each call to the objects of the child or the parent it runs in ({@code SharedObjects}).
 */
package org.concurrencyharness;
