package org.concurrencyharness.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgLineTest {

    private static final List<String> AGENT = List.of("-javaagent:/repo/harness.jar", "-XX:CompileCommand=quiet");

    @Test
    void anAbsentOrBlankValueBecomesTheArguments() {
        assertEquals("-javaagent:/repo/harness.jar -XX:CompileCommand=quiet", ArgLine.append(null, AGENT));
        assertEquals("-javaagent:/repo/harness.jar -XX:CompileCommand=quiet", ArgLine.append("  ", AGENT));
    }

    @Test
    void theArgumentsGoAfterWhatIsThere() {
        assertEquals(
                "-Xmx1g -Dkept=yes -javaagent:/repo/harness.jar -XX:CompileCommand=quiet",
                ArgLine.append(" -Xmx1g -Dkept=yes ", AGENT));
    }

    @Test
    void anArgumentWithWhiteSpaceIsQuoted() {
        assertEquals(
                "-Xmx1g \"-javaagent:/my repo/harness.jar\"",
                ArgLine.append("-Xmx1g", List.of("-javaagent:/my repo/harness.jar")));
    }

    @Test
    void aValueThatHoldsTheArgumentsAlreadyKeepsThemOnce() {
        String once = ArgLine.append("-Xmx1g", AGENT);
        assertEquals(once, ArgLine.append(once, AGENT));
    }
}
