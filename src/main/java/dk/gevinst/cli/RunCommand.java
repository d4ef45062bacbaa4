package dk.gevinst.cli;

import dk.gevinst.config.InvalidSpecException;
import dk.gevinst.config.RunConfig;
import dk.gevinst.ingest.PlausibilityBounds;
import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import dk.gevinst.pipeline.NightlyRun;
import dk.gevinst.pipeline.RunLock;
import dk.gevinst.pipeline.RunSettings;
import dk.gevinst.spark.SparkSessions;
import dk.gevinst.storage.Storage;
import dk.gevinst.text.Language;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Evaluate every pilot spec against the data root and publish decisions, tables and the dashboard.",
    footer = {"", "Examples:",
        "  gevinst run --config jobs/nightly.yaml --demo-key",
        "  gevinst run --pilots jobs/pilots --data data-samples --out out --as-of 2026-11-27 --demo-key",
        "  gevinst run --config jobs/nightly.yaml --key-file /etc/gevinst/key --master yarn",
        "", "Paths may be local or any Hadoop filesystem URI (hdfs:, s3a:). Flags override the config file."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Run config, e.g. jobs/nightly.yaml (local file).")
    File config;
    @Option(names = "--pilots", paramLabel = "DIR", description = "Folder of pilot specs (*.yaml).")
    String pilots;
    @Option(names = "--data", paramLabel = "DIR", description = "Data root: one folder per source (cases/, survey_responses/, ...).")
    String data;
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder: decisions/, tables/, dashboard/, runs/.")
    String out;
    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Evaluate as known on this day (default: yesterday).")
    String asOf;
    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]; ignored under spark-submit).")
    String master;
    @Option(names = "--locale", paramLabel = "da|en", description = "Dashboard language (default da).")
    String locale;
    @Option(names = "--simulation", description = "Allow an --as-of after today: a simulated night, written only to an --out of its own.")
    boolean simulation;
    @Option(names = "--verbose", description = "Debug logging and stack traces.")
    boolean verbose;
    @Mixin
    KeyOptions key = new KeyOptions();

    @Override
    public Integer call() throws IOException {
        Logging.configure(verbose);
        RunConfig c = loadConfig(config);
        String pilotsDir = first(pilots, c.pilots(), null, "--pilots");
        String dataDir = first(data, c.data(), null, "--data");
        String outDir = first(out, c.out(), null, "--out");
        LocalDate day = asOf != null ? parseDate(asOf) : c.asOf() != null ? c.asOf() : LocalDate.now().minusDays(1);
        Language language = parseLanguage(first(locale, c.locale(), "da", "--locale"));
        PlausibilityBounds bounds = PlausibilityBounds.DEFAULTS.with(c.bounds());
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSessions.create(first(master, c.master(), "local[*]", "--master"),
            c.shufflePartitions() == null ? 8 : c.shufflePartitions());
        try {
            var pseudonymizer = key.resolve(c.keyFile(), c.demoKey(), spark.sparkContext().hadoopConfiguration());
            RunSettings s = new RunSettings(Storage.resolve(pilotsDir), Storage.resolve(dataDir), Storage.resolve(outDir), day, language,
                pseudonymizer, bounds, c.lockTimeoutMinutes() == null ? RunLock.DEFAULT_TIMEOUT : Duration.ofMinutes(c.lockTimeoutMinutes()),
                c.freshness(), simulation);
            QuietShutdown.started(verbose);
            NightlyRun.Report report = NightlyRun.execute(spark, s);
            print(report);
            return report.exitCode().code();
        } finally {
            QuietShutdown.finished();
            if (ownSession) spark.stop();
        }
    }

    private static void print(NightlyRun.Report r) {
        System.out.println("Run " + r.runId() + " finished: exit " + r.exitCode().code() + " (" + r.exitCode().name().toLowerCase() + ")");
        for (NightlyRun.PilotSummary p : r.published()) {
            String d = p.decision() == null ? "ERROR" : p.decision();
            String flags = (p.keptFrom() == null ? "" : "[kept from " + p.keptFrom() + "] ") + (p.staleData() ? "[stale data] " : "")
                + (p.partialData() ? "[partial data] " : "");
            System.out.printf("  %-7s %-24s %s%s%n", d, p.pilotId(), flags, p.reasonEn());
        }
        for (String problem : r.problems()) System.err.println("  problem: " + problem);
        System.out.println("Decisions: " + r.decisions());
        System.out.println("Dashboard: " + r.dashboardIndex());
    }

    static RunConfig loadConfig(File config) {
        if (config == null) return RunConfig.EMPTY;
        try {
            String text = Files.readString(config.toPath(), StandardCharsets.UTF_8);
            File parent = config.getAbsoluteFile().getParentFile();
            return RunConfig.parse(config.getPath(), text, parent == null ? null : parent.getPath());
        } catch (IOException e) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "cannot read the config file " + config + ": " + e.getMessage());
        } catch (InvalidSpecException e) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "the config file is invalid:\n" + e.getMessage());
        }
    }

    static String first(String flag, String configured, String fallback, String name) {
        String v = flag != null ? flag : configured != null ? configured : fallback;
        if (v == null) throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "missing " + name + " (give it as a flag or in --config)");
        return v;
    }

    static LocalDate parseDate(String s) {
        try {
            if (!dk.gevinst.config.YamlReader.DATE.matcher(s).matches()) throw new DateTimeParseException("not YYYY-MM-DD", s, 0);
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "--as-of is '" + s + "'; write a date as YYYY-MM-DD (a four-digit year)");
        }
    }

    static Language parseLanguage(String s) {
        try {
            return Language.parse(s);
        } catch (IllegalArgumentException e) {
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "--locale is '" + s + "'; use da or en");
        }
    }
}
