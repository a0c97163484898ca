package org.concurrencyharness.internal.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.concurrencyharness.internal.shard.Shard;
import org.junit.jupiter.api.Test;

class ForkOptionsTest {

    @Test
    void whatIsWrittenIsReadBackTheSame() {
        ForkOptions written = new ForkOptions(
                Path.of("/tmp/results.json").toAbsolutePath(),
                List.of(
                        Path.of("/p/classes").toAbsolutePath(),
                        Path.of("/p/test-classes").toAbsolutePath()),
                "Counter#*,Lessons",
                false,
                Path.of("/p/suppressions.txt").toAbsolutePath(),
                Shard.parse("2/3"));
        ForkOptions read = ForkOptions.parse(written.toArguments().toArray(String[]::new));
        assertEquals(written.toArguments(), read.toArguments());
        assertEquals("Counter#*,Lessons", read.include());
        assertEquals(false, read.failOnRace());
        assertEquals("2/3", read.shard().toString());
    }

    @Test
    void theDefaultsLeaveOutWhatIsNotAsked() {
        ForkOptions options =
                ForkOptions.of(Path.of("r.json"), List.of(Path.of("classes"))).withInclude("  ");
        List<String> args = options.toArguments();
        assertEquals(
                List.of("--results", "--classes", "--failOnRace"),
                args.stream().filter(arg -> arg.startsWith("--")).toList());
        assertTrue(ForkOptions.parse(args.toArray(String[]::new)).failOnRace());
    }

    @Test
    void aWrongCommandLineIsRefusedWithTheUsage() {
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class,
                () -> ForkOptions.parse(new String[] {"--results", "r.json", "--colour", "red"}));
        assertTrue(unknown.getMessage().startsWith("unknown argument --colour; usage: ForkMain --results FILE"));
        assertThrows(IllegalArgumentException.class, () -> ForkOptions.parse(new String[] {"--results", "r.json"}));
    }
}
