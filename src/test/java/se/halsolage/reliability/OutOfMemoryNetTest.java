package se.halsolage.reliability;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import se.halsolage.cli.Cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** If memory runs out anyway, the user gets one Swedish sentence and exit code 2, not a JVM stack trace. */
class OutOfMemoryNetTest {
    @Command(name = "slukar")
    static final class Greedy implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void outOfMemoryBecomesAClearMessage() {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Cli.run(new Greedy());
        } finally {
            System.setErr(old);
        }
        String err = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(Cli.INTERNAL_ERROR);
        assertThat(err).startsWith("Fel: minnet tog slut").contains("Inget sparades").doesNotContain("at ");
    }
}
