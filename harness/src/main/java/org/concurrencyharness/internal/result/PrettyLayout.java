package org.concurrencyharness.internal.result;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * How {@link Json#writePretty} lays JSON out for a person: two spaces a level, {@code "key": value},
 * one item a line, and {@code {}} and {@code []} when empty. A class apart, so that the engine,
 * which writes only compact results, never loads the pretty printer.
 */
final class PrettyLayout {

    /** A template: a printer keeps its nesting, so each document takes {@link DefaultPrettyPrinter#createInstance}. */
    static final DefaultPrettyPrinter TEMPLATE = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private PrettyLayout() {}
}
