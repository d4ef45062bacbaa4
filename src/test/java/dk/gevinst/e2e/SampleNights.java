package dk.gevinst.e2e;

import dk.gevinst.testing.TestSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The committed sample run night after night into one output folder, once per test JVM: the nights give
 * the history (decisions that change, intervals that narrow) that the portfolio, the pilot pages and the
 * digest show. The last night is the sample's usual as-of.
 */
public final class SampleNights {
    public static final List<String> NIGHTS = List.of("2026-08-31", "2026-10-26", SampleRun.AS_OF);
    private static Path out;
    private static int[] exits;

    private SampleNights() {}

    public static synchronized Path out() {
        if (out == null) {
            try {
                TestSpark.session();
                Path target = Files.createTempDirectory("gevinst-nights-");
                int[] codes = new int[NIGHTS.size()];
                for (int i = 0; i < NIGHTS.size(); i++) codes[i] = SampleRun.run(target, NIGHTS.get(i));
                exits = codes;
                out = target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Each night's exit code, in order. */
    public static int[] exitCodes() {
        out();
        return exits.clone();
    }
}
