/**
 * Source insight: reads the project's sources with javaparser, a dependency of the plugin alone, and
 * flags the unprotected compound updates of shared fields as hints on the exercises' results.
 *
 * <p>May use: {@link org.concurrencyharness.internal.result}.
 */
package org.concurrencyharness.maven.insight;
