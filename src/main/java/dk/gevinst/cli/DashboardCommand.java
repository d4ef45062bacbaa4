package dk.gevinst.cli;

import dk.gevinst.dashboard.DashboardWriter;
import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import dk.gevinst.pipeline.RunLock;
import dk.gevinst.pipeline.Publication;
import dk.gevinst.pipeline.StagedPublish;
import dk.gevinst.publish.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = "Rebuild the dashboard from the published decisions (no Spark, no recomputation) and publish it with them.",
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
        Path decisions = Publication.current(storage, root, Publication.DECISIONS).orElse(null);
        if (decisions == null || !storage.isDirectory(decisions)) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "no published decisions in " + root + "; run 'gevinst run' first");
        }
        String version = "dashboard_" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        try (RunLock lock = RunLock.acquire(storage, root, version, RunLock.DEFAULT_TIMEOUT)) {
            // A new publication with the same decisions and tables and a new dashboard, switched in like a run's.
            StagedPublish publish = new StagedPublish(storage, root, version);
            publish.carryForward(Publication.DECISIONS, rel -> false);
            publish.carryForward(Publication.TABLES, rel -> false);
            DashboardWriter.write(storage, publish.staged(Publication.DECISIONS), publish.staged(Publication.DASHBOARD), Arguments.language(locale, "--locale"));
            publish.publish(lock, Json.MAPPER.createObjectNode().put("rebuilt_dashboard_of", publish.previous(Publication.DECISIONS).map(p -> p.getParent().getName()).orElse(null)));
        }
        System.out.println("Dashboard: " + new Path(Publication.forPeople(storage, root, Publication.DASHBOARD), "index.html"));
        return 0;
    }
}
