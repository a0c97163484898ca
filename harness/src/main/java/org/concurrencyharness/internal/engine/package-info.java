/**
 * The JUnit Platform engine, the top of what runs exercises in an IDE, under Surefire or in the
 * plugin's forked JVM: discovery through the platform's resolver, the descriptors, and the run of each
 * exercise, in threads or in processes, judged with the suppressions and published as a report entry.
 *
 * <p>May use: {@link org.concurrencyharness}, {@link org.concurrencyharness.internal.execution},
 * {@link org.concurrencyharness.internal.process}, {@link org.concurrencyharness.internal.race},
 * {@link org.concurrencyharness.internal.result}, {@link org.concurrencyharness.internal.shard} and
 * {@link org.concurrencyharness.internal.suppression}.
 */
package org.concurrencyharness.internal.engine;
