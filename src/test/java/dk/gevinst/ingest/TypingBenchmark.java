package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.col;

import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.Columns;
import dk.gevinst.source.FileFormat;
import dk.gevinst.source.Source;
import dk.gevinst.spark.SparkSessions;
import dk.gevinst.spark.Tables;
import dk.gevinst.storage.Storage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.Path;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest's task CPU per line on a warm JVM, step by step (bin/benchmark-typing): the cases' lines alone, then
 * parsed, typed and checked, with the state table's columns, and written as the ingest writes them. Each step
 * runs the ingest's own code, so a change to the typing shows up here as a ratio between two builds (run this
 * for each, interleaved), not mixed with a cold JVM's start as in a whole night. Not a test.
 */
public final class TypingBenchmark {
    private static final List<String> STEPS = List.of("lines", "parsed", "typed", "state", "written");
    /** Rounds before this one warm the JVM (C2 settles late) and are printed but not counted. */
    private static final int WARM_UP = 3;
    private static final String USAGE =
        "usage: bin/benchmark-typing DATA_ROOT [FILES, default 6] [ROUNDS > " + WARM_UP + ", default 9]";

    private TypingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int maxFiles = 0, rounds = 0;
        try {
            if (args.length >= 1) {
                maxFiles = args.length > 1 ? Integer.parseInt(args[1]) : 6;
                rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
            }
        } catch (NumberFormatException e) {
            maxFiles = 0;
        }
        if (args.length < 1 || maxFiles < 1 || rounds <= WARM_UP) usage(null);
        SparkSession spark = SparkSessions.create("local[2]", 4);
        try {
            if (!run(spark, new Path(args[0]), maxFiles, rounds)) usage("no text exports in " + args[0] + "/cases/");
        } finally {
            spark.stop();
        }
    }

    private static void usage(String problem) {
        System.err.println((problem == null ? "" : "benchmark-typing: " + problem + "\n") + USAGE);
        System.exit(2);
    }

    /** False when the data root has no text exports of cases. */
    private static boolean run(SparkSession spark, Path data, int maxFiles, int rounds) throws Exception {
        spark.sparkContext().setLogLevel("WARN");
        SparkIngest.wholeFileReading(spark.conf());
        // Task CPU only: the driver's planning, the JIT's threads and the garbage of an earlier step are not the rows' cost.
        AtomicLong taskCpuNanos = new AtomicLong();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) taskCpuNanos.addAndGet(end.taskMetrics().executorCpuTime());
            }
        });
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        Pseudonymizer keys = Pseudonymizer.demo();
        List<SourceFile> files = new ArrayList<>(FileInventory.list(storage, data, Source.CASES, keys).files());
        files.removeIf(f -> f.format() == FileFormat.PARQUET);
        // The same months of every system, so each dialect is in: by the last yyyy-MM in the file's name, then the name.
        files.sort(Comparator.comparing(TypingBenchmark::month).thenComparing(SourceFile::display));
        List<SourceIngest.Fresh> fresh = new ArrayList<>();
        for (SourceFile f : files.subList(0, Math.min(maxFiles, files.size()))) {
            fresh.add(new SourceIngest.Fresh(f, HeaderCheck.read(storage, Source.CASES, f.path(), f.format(), f.size())));
        }
        if (fresh.isEmpty()) return false;
        RowTyping typing = new RowTyping(Source.CASES, PlausibilityBounds.DEFAULTS, keys, CandidateIds.NONE);
        long lines = union(build(spark, fresh, typing, "lines")).count();
        spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
        System.out.printf("benchmark-typing: %d files of cases, %d lines: %s%n", fresh.size(), lines,
            fresh.stream().map(f -> f.file().display()).toList());
        java.nio.file.Path written = Files.createTempDirectory("benchmark-typing");
        Map<String, List<Double>> cpu = new TreeMap<>(), wall = new TreeMap<>();
        try {
            for (int r = 0; r < rounds; r++) {
                for (String step : STEPS) {
                    List<Dataset<Row>> groups = build(spark, fresh, typing, step);
                    long c0 = taskCpuNanos.get(), t0 = System.nanoTime();
                    if (step.equals("written")) {
                        Tables.replacePartitions(union(groups), new Path(written.toUri()), Columns.FILE_REF);
                    } else if (step.equals("parsed")) {
                        // A CSV record is a struct and a JSON one a map, so they cannot be one Dataset: a job per dialect.
                        for (Dataset<Row> g : groups) g.write().format("noop").mode("overwrite").save();
                    } else {
                        union(groups).write().format("noop").mode("overwrite").save();
                    }
                    double w = (System.nanoTime() - t0) / 1e9;
                    // Task-end events reach listeners asynchronously: wait for this step's before reading the sum.
                    spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
                    double c = (taskCpuNanos.get() - c0) / 1e9;
                    System.out.printf("round %d %-8s wall %6.2f s  task cpu %6.2f s%s%n", r, step, w, c,
                        r < WARM_UP ? "  (warm-up)" : "");
                    if (r >= WARM_UP) {
                        cpu.computeIfAbsent(step, k -> new ArrayList<>()).add(c);
                        wall.computeIfAbsent(step, k -> new ArrayList<>()).add(w);
                    }
                }
            }
        } finally {
            try (var walk = Files.walk(written)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println("step      median wall s  median task cpu s  task cpu µs a line");
        for (String step : STEPS) {
            double c = median(cpu.get(step));
            System.out.printf("%-8s  %13.2f  %17.2f  %19.1f%n", step, median(wall.get(step)), c, c * 1e6 / lines);
        }
        return true;
    }

    /** One step's rows per dialect group of the files, each read as the ingest reads it, up to that step. */
    private static List<Dataset<Row>> build(SparkSession spark, List<SourceIngest.Fresh> fresh, RowTyping typing, String step) {
        List<Dataset<Row>> out = new ArrayList<>();
        for (List<SourceIngest.Fresh> group : SourceIngest.dialectGroups(fresh)) {
            var dialect = group.get(0).head().dialect();
            List<SourceFile> files = group.stream().map(SourceIngest.Fresh::file).toList();
            Dataset<Row> part = switch (step) {
                case "lines" -> TextLines.read(spark, files, dialect.encoding());
                // The whole record is kept, so the parser cannot be pruned to the fields nobody reads.
                case "parsed" -> (dialect.format() == FileFormat.CSV
                        ? RecordFields.csv(Source.CASES, dialect) : RecordFields.json(Source.CASES))
                    .parse(TextLines.read(spark, files, dialect.encoding()))
                    .select(col(Columns.FILE_REF), col(RecordFields.MALFORMED), col(Columns.RAW_RECORD));
                case "typed" -> SourceIngest.read(spark, Source.CASES, typing, group);
                // What SourceIngest.run writes: records only, in the state table's columns (its observation of the
                // reading is left out).
                default -> SourceIngest.read(spark, Source.CASES, typing, group).filter(col(Columns.NOT_A_RECORD).isNull())
                    .select(SourceIngest.stateColumns(Source.CASES, "benchmark"));
            };
            out.add(part);
        }
        return out;
    }

    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("(?<!\\d)\\d{4}-\\d{2}(?!\\d)");

    /** The last yyyy-MM in the file's own name (not its folders), or "" when it has none. */
    private static String month(SourceFile f) {
        String name = f.display().substring(f.display().lastIndexOf('/') + 1);
        String last = "";
        for (var m = MONTH.matcher(name); m.find(); ) last = m.group();
        return last;
    }

    private static Dataset<Row> union(List<Dataset<Row>> groups) {
        return groups.stream().reduce((a, b) -> a.unionByName(b, true)).orElseThrow();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
