/**
 * Rounds of {@code @ForkProcesses} exercises: the child JVMs and their main, the line protocol between
 * parent and children, the shared objects the parent hosts and the children's proxies to them, and the
 * watch that ends a JVM, the forked one included, once its parent is gone.
 *
 * <p>May use: {@link org.concurrencyharness}, {@link org.concurrencyharness.internal.execution},
 * {@link org.concurrencyharness.internal.race} (the lost updates it decides join the round's races) and
 * {@link org.concurrencyharness.internal.result}.
 */
package org.concurrencyharness.internal.process;
