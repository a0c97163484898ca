package org.concurrencyharness.internal.report;

/** Whether an exercise met its expectations. */
public enum Outcome {
    PASS,
    FAIL
}
