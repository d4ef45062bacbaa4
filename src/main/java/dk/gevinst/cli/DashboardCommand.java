package dk.gevinst.cli;

import dk.gevinst.dashboard.DashboardWriter;
import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import dk.gevinst.pipeline.RunLock;
import dk.gevinst.pipeline.StagedPublish;
import java.time.Duration;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = "Rebuild OUT/dashboard/ from the published decisions in OUT/decisions/ (no Spark, no recomputation).",
    footer = {"", "Examples:", "  gevinst dashboard --out out", "  gevinst dashboard --out out --locale en"})
public final class DashboardCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The output folder of a run.")
    String out;
    @Option(names = "--locale", paramLabel = "da|en", defaultValue = "da", description = "Language (default da).")
    String locale;
    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        Storage storage = new Storage(new Configuration());
        Path root = Storage.resolve(out);
        Path decisions = new Path(root, "decisions");
        if (!storage.isDirectory(decisions)) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "no published decisions in " + decisions + "; run 'gevinst run' first");
        }
        String runId = "dashboard-" + System.currentTimeMillis();
        try (RunLock ignored = RunLock.acquire(storage, root, runId, Duration.ofHours(12))) {
            StagedPublish publish = new StagedPublish(storage, root, runId);
            DashboardWriter.write(storage, decisions, publish.staged("dashboard"), Arguments.language(locale, "--locale"));
            publish.publish("dashboard");
            publish.finish();
        }
        System.out.println("Dashboard: " + new Path(new Path(root, "dashboard"), "index.html"));
        return 0;
    }
}
