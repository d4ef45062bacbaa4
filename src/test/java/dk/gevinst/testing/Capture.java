package dk.gevinst.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** What a command printed to standard output or standard error while an action ran. */
public final class Capture {
    private Capture() {}

    public interface Action {
        void run() throws Exception;
    }

    public static String stdout(Action action) throws Exception {
        return capture(System.out, System::setOut, action);
    }

    public static String stderr(Action action) throws Exception {
        return capture(System.err, System::setErr, action);
    }

    private static String capture(PrintStream original, Consumer<PrintStream> install, Action action) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        install.accept(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            install.accept(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
