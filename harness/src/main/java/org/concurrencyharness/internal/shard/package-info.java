/**
 * {@code concurrency.shard=K/N}: which of N disjoint parts of the exercises a run holds, each
 * exercise's part fixed by its class and method alone. Discovery keeps a part's exercises, a run's
 * results name the parts they hold, and the plugin names each part's report files.
 *
 * <p>May use: no other package of the harness.
 */
package org.concurrencyharness.internal.shard;
