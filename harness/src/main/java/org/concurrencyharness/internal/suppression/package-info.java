/**
 * {@code concurrency.suppressions}: the races a user judged benign, one pattern a line, and which
 * races they match; a matched race is still reported, as suppressed, and fails nothing.
 *
 * <p>May use: {@link org.concurrencyharness.internal.result}.
 */
package org.concurrencyharness.internal.suppression;
