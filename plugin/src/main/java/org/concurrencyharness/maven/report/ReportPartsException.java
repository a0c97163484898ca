package org.concurrencyharness.maven.report;

/**
 * Parts of a sharded run that cannot be merged: none, parts of different shardings, or one
 * exercise in two parts. Its message says what to do; it is the user's to fix, so it carries no
 * stack trace of ours.
 */
public final class ReportPartsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ReportPartsException(String message) {
        super(message, null, false, false);
    }
}
