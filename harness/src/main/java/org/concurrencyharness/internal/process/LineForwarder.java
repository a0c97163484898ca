package org.concurrencyharness.internal.process;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.concurrencyharness.internal.process.ChildMessage.PrintedLine;

/** A child's {@code System.out} or {@code System.err}: each line becomes a message to the parent. */
final class LineForwarder extends OutputStream {

    private final ChildChannel channel;
    private final boolean stderr;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LineForwarder(ChildChannel channel, boolean stderr) {
        this.channel = channel;
        this.stderr = stderr;
    }

    static LineForwarder stdout(ChildChannel channel) {
        return new LineForwarder(channel, false);
    }

    static LineForwarder stderr(ChildChannel channel) {
        return new LineForwarder(channel, true);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            flushLine();
        }
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        channel.send(new PrintedLine(stderr, text));
    }
}
