package dk.gevinst.cli;

import dk.gevinst.config.InvalidSpecException;
import dk.gevinst.config.RunConfig;
import dk.gevinst.config.SpecText;
import dk.gevinst.dashboard.Texts;
import dk.gevinst.ingest.PlausibilityBounds;
import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import dk.gevinst.pipeline.NightlyRun;
import dk.gevinst.pipeline.OutputFolders;
import dk.gevinst.pipeline.RunLock;
import dk.gevinst.pipeline.RunSettings;
import dk.gevinst.pipeline.RunProgress;
import dk.gevinst.spark.ClusterCheck;
import dk.gevinst.spark.ExecutorReports;
import dk.gevinst.spark.SparkSessions;
import dk.gevinst.spark.SparkSettings;
import dk.gevinst.storage.Storage;
import dk.gevinst.text.Language;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Evaluate every pilot spec against the data root and publish decisions, tables and the dashboard.",
    footer = {"", "Examples:",
        "  gevinst run --config jobs/nightly.yaml --demo-key",
        "  gevinst run --pilots jobs/pilots --data data-samples --out out \\",
        "      --as-of 2026-11-27 --demo-key",
        "  gevinst run --config jobs/nightly.yaml --key-file /etc/gevinst/key \\",
        "      --master spark://spark-master:7077 --conf spark.executor.memory=4g",
        "  gevinst run --config jobs/nightly.yaml --key-file /etc/gevinst/key --quiet",
        "", "Paths may be local or any Hadoop filesystem URI (hdfs:, s3a:). Flags override the",
        "config file. A failed run ends with one line on stderr: gevinst: exit N (...): ..."})
public final class RunCommand implements Callable<Integer> {
    /** How long a cluster may take to run a first task when no timeout is configured: a busy queue is slow, not broken. */
    static final int DEFAULT_EXECUTOR_TIMEOUT_SECONDS = 600;

    @Option(names = "--config", paramLabel = "FILE", description = "Run config, e.g. jobs/nightly.yaml (local file).")
    File config;
    @Option(names = "--pilots", paramLabel = "DIR", description = "Folder of pilot specs (*.yaml).")
    String pilots;
    @Option(names = "--data", paramLabel = "DIR", description = "Data root: one folder per source (cases/, survey_responses/, ...).")
    String data;
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder: decisions/, tables/, dashboard/, runs/.")
    String out;
    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Evaluate as known on this day, or 'yesterday' (default: as_of in the config, else yesterday).")
    String asOf;
    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]; spark-submit's --master wins).")
    String master;
    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, as with spark-submit --conf; repeatable. Overrides the config file's spark: block.")
    Map<String, String> conf = new LinkedHashMap<>();
    @Option(names = "--executor-timeout", paramLabel = "SECONDS", description = "On a cluster: how long to wait for a first executor to run a task (default 600).")
    Integer executorTimeout;
    @Option(names = "--locale", paramLabel = "da|en", description = "Language of the dashboard and of this report (default: the config's locale, else da).")
    String locale;
    @Option(names = "--quiet", description = "For schedulers: no progress and no report; a failure still ends with one summary line on stderr.")
    boolean quiet;
    @Option(names = "--simulation", description = "Allow an --as-of after today: a simulated night, written only to an --out of its own.")
    boolean simulation;
    @Option(names = "--full", description = "Rebuild the case cells from every case version instead of updating those kept from an earlier night, and make every drift fit again instead of taking the last night's (the results are the same; for a suspected fault or after restoring the state).")
    boolean full;
    @Option(names = "--verbose", description = "Debug logging and stack traces.")
    boolean verbose;
    @Mixin
    KeyOptions key = new KeyOptions();

    @Override
    public Integer call() throws IOException {
        try (Logging ignored = Logging.configure(verbose, quiet)) {
            return run();
        }
    }

    private int run() throws IOException {
        RunConfig c = loadConfig(config);
        String pilotsDir = first(pilots, c.pilots(), null, "--pilots");
        String dataDir = first(data, c.data(), null, "--data");
        String outDir = first(out, c.out(), null, "--out");
        LocalDate day = asOf != null ? Arguments.date(asOf, "--as-of") : c.asOf() != null ? c.asOf() : LocalDate.now().minusDays(1);
        Language language = Arguments.language(first(locale, c.locale(), "da", "--locale"), "--locale");
        PlausibilityBounds bounds = PlausibilityBounds.DEFAULTS.with(c.bounds());
        Duration timeout = executorTimeout(c);
        String requested = first(master, c.master(), "local[*]", "--master");
        String effective = SparkSettings.submittedMaster() != null ? SparkSettings.submittedMaster() : requested;
        conf.keySet().forEach(k -> SparkSettings.checkKey(k, "--conf"));
        // Spark lists the tables (state and published) under the output root, and the new files under the data root.
        boolean localFiles = SparkSettings.onLocalDisk(Storage.resolve(outDir)) && SparkSettings.onLocalDisk(Storage.resolve(dataDir));
        Map<String, String> settings = SparkSettings.resolve(effective, localFiles, c.spark(), SparkSettings.fromSubmit(), conf);
        ClusterCheck.masterAnswers(effective);
        // Before Spark's session (seconds of start): an output folder the night cannot write is exit 6 now, not at its end.
        if (SparkSettings.onLocalDisk(Storage.resolve(outDir))) {
            try {
                OutputFolders.check(Paths.get(Storage.resolve(outDir).toUri()));
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notAPathHere) {
                // An --out this check cannot turn into a local path (file:relative): the run's own check, on its storage, names it.
            }
        }

        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSessions.create(requested, settings);
        ExecutorReports reports = new ExecutorReports();
        spark.sparkContext().addSparkListener(reports);
        try {
            Arguments.folder(new Storage(spark.sparkContext().hadoopConfiguration()), pilotsDir, "--pilots", "jobs/pilots");
            ClusterCheck.executorsRun(spark, effective, timeout, reports);
            var pseudonymizer = key.resolve(c.keyFile(), c.demoKey(), spark.sparkContext().hadoopConfiguration());
            RunSettings s = new RunSettings(Storage.resolve(pilotsDir), Storage.resolve(dataDir), Storage.resolve(outDir), day, language,
                pseudonymizer, bounds, c.lockTimeoutMinutes() == null ? RunLock.DEFAULT_TIMEOUT : Duration.ofMinutes(c.lockTimeoutMinutes()),
                c.freshness(), simulation, full);
            QuietShutdown.started(verbose);
            NightlyRun.Report report = NightlyRun.execute(spark, s, quiet ? RunProgress.NONE : new StageProgress(System.err), ownSession);
            // A signal that came after the night's last step: the JVM exits with 143 whatever this returns, and the stop's
            // line was the last one printed.
            if (QuietShutdown.stopping()) return ExitCode.TERMINATED.code();
            if (!quiet) print(report, language);
            if (report.exitCode() != ExitCode.OK) {
                if (quiet) report.problems().forEach(p -> System.err.println("  problem: " + p));
                System.err.println(ExitSummary.forRun(report));
            }
            return report.exitCode().code();
        } catch (RuntimeException e) {
            throw ClusterCheck.translate(e, spark, effective, reports);
        } finally {
            QuietShutdown.finished();
            spark.sparkContext().removeSparkListener(reports);
            if (ownSession) spark.stop();
        }
    }

    private Duration executorTimeout(RunConfig c) {
        int seconds = executorTimeout != null ? executorTimeout
            : c.executorTimeoutSeconds() != null ? c.executorTimeoutSeconds() : DEFAULT_EXECUTOR_TIMEOUT_SECONDS;
        if (seconds < 1) throw Arguments.bad("--executor-timeout is " + seconds + "; give a number of seconds of at least 1");
        return Duration.ofSeconds(seconds);
    }

    /**
     * The report on stdout, in the run's language (--locale, else the config's locale): decision words and
     * reasons as the dashboard says them. Exit code names, problems and the summary line on stderr stay English:
     * they are for schedulers and logs.
     */
    static void print(NightlyRun.Report r, Language l) {
        Texts t = new Texts(l);
        System.out.println(l.pick("Kørsel ", "Run ") + r.runId() + l.pick(" er færdig: exit ", " finished: exit ") + r.exitCode().code()
            + " (" + r.exitCode().name().toLowerCase() + ")");
        for (NightlyRun.PilotSummary p : r.published()) {
            String d = t.get("decision." + (p.decision() == null ? "ERROR" : p.decision()));
            String flags = (p.invalidSpec() ? l.pick("[ugyldig spec] ", "[invalid spec] ") : "") + (p.keptFrom() == null ? "" : l.pick("[beholdt fra ", "[kept from ") + p.keptFrom() + "] ")
                + (p.staleData() ? l.pick("[forældede data] ", "[stale data] ") : "") + (p.partialData() ? l.pick("[delvise data] ", "[partial data] ") : "");
            System.out.printf("  %-7s %-24s %s%s%n", d, p.pilotId(), flags, p.reason(l));
        }
        for (String problem : r.problems()) System.err.println("  problem: " + problem);
        if (!r.skipped().isEmpty()) System.out.println(skippedLine(r.skipped(), l));
        System.out.println(l.pick("Beslutninger: ", "Decisions: ") + r.decisions());
        System.out.println("Dashboard: " + r.dashboardIndex());
    }

    /** How many names in the data root were not read, and the first: a good night with a file skipped is not a quiet one. */
    static String skippedLine(java.util.List<String> skipped, Language l) {
        int n = skipped.size();
        String count = n == 1 ? l.pick("Sprunget over: 1 fil i dataroden: ", "Skipped: 1 file in the data root: ")
            : l.pick("Sprunget over: " + n + " filer i dataroden, den første: ", "Skipped: " + n + " files in the data root, the first: ");
        return count + skipped.get(0) + l.pick(" (loggen siger hvad der retter det)", " (the log says what mends it)");
    }

    static RunConfig loadConfig(File config) {
        if (config == null) return RunConfig.EMPTY;
        Arguments.configFile(config);
        try {
            String text = SpecText.decode(config.getPath(), Files.readAllBytes(config.toPath()));
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
}
