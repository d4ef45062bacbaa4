package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.col;

import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.Columns;
import dk.gevinst.source.FileFormat;
import dk.gevinst.source.Source;
import dk.gevinst.spark.SparkSessions;
import dk.gevinst.storage.Storage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest's cost per line on a warm JVM, step by step, in one process (bin/benchmark-typing): the cases'
 * lines alone, then parsed, typed and checked, with the state table's columns, and written as Parquet. Each
 * step runs the ingest's own code, so a change to the typing shows up here as a ratio between two builds (run
 * this for each, interleaved), not mixed with a cold JVM's start as in a whole night. Not a test.
 */
public final class TypingBenchmark {
    private static final List<String> STEPS = List.of("lines", "parsed", "typed", "state", "parquet");
    /** Rounds before this one warm the JVM and are printed but not counted. */
    private static final int WARM_UP = 3;

    private TypingBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) throw new IllegalArgumentException("usage: TypingBenchmark DATA_ROOT [FILES] [ROUNDS]");
        Path data = new Path(args[0]);
        int maxFiles = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        SparkSession spark = SparkSessions.create("local[2]", 4);
        spark.sparkContext().setLogLevel("WARN");
        SparkIngest.wholeFileReading(spark.conf());
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        Pseudonymizer keys = Pseudonymizer.demo();
        List<SourceFile> files = new ArrayList<>(FileInventory.list(storage, data, Source.CASES, keys).files());
        files.removeIf(f -> f.format() == FileFormat.PARQUET);
        // The same months of every system, so each dialect is in: sorted by the name's end (its month), then its start.
        files.sort(Comparator.comparing((SourceFile f) -> f.display().replaceAll("^.*?(\\d{4}-\\d{2})", "$1")).thenComparing(SourceFile::display));
        List<SourceIngest.Fresh> fresh = new ArrayList<>();
        for (SourceFile f : files.subList(0, Math.min(maxFiles, files.size()))) {
            fresh.add(new SourceIngest.Fresh(f, HeaderCheck.read(storage, Source.CASES, f.path(), f.format(), f.size())));
        }
        IngestRequest request = new IngestRequest(data, new Path("unused"), PlausibilityBounds.DEFAULTS, keys, "benchmark", LocalDate.of(2026, 11, 27));
        RowTyping typing = new RowTyping(Source.CASES, request.bounds(), request.pseudonymizer(), request.candidates());
        long lines = union(build(spark, fresh, typing, "lines")).count();
        System.out.printf("benchmark-typing: %d files of cases, %d lines: %s%n", fresh.size(), lines,
            fresh.stream().map(f -> f.file().display()).toList());
        java.nio.file.Path parquet = Files.createTempDirectory("benchmark-typing");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, List<Double>> cpu = new TreeMap<>(), wall = new TreeMap<>();
        try {
            for (int r = 0; r < rounds; r++) {
                for (String step : STEPS) {
                    List<Dataset<Row>> groups = build(spark, fresh, typing, step);
                    long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                    if (step.equals("parquet")) {
                        union(groups).write().mode("overwrite").partitionBy(Columns.FILE_REF).parquet(parquet.toUri().toString());
                    } else if (step.equals("parsed")) {
                        // A CSV record is a struct and a JSON one a map: one write per dialect.
                        for (Dataset<Row> g : groups) g.write().format("noop").mode("overwrite").save();
                    } else {
                        union(groups).write().format("noop").mode("overwrite").save();
                    }
                    double c = (os.getProcessCpuTime() - c0) / 1e9, w = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("round %d %-8s wall %6.2f s  cpu %6.2f s%s%n", r, step, w, c, r < WARM_UP ? "  (warm-up)" : "");
                    if (r >= WARM_UP) {
                        cpu.computeIfAbsent(step, k -> new ArrayList<>()).add(c);
                        wall.computeIfAbsent(step, k -> new ArrayList<>()).add(w);
                    }
                }
            }
        } finally {
            try (var walk = Files.walk(parquet)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            spark.stop();
        }
        System.out.println("step      median wall s  median cpu s  cpu µs a line");
        for (String step : STEPS) {
            if (!cpu.containsKey(step)) continue;
            double c = median(cpu.get(step));
            System.out.printf("%-8s  %13.2f  %12.2f  %13.1f%n", step, median(wall.get(step)), c, c * 1e6 / lines);
        }
    }

    /** One step's rows per dialect group of the files, each read as the ingest reads it, up to that step. */
    private static List<Dataset<Row>> build(SparkSession spark, List<SourceIngest.Fresh> fresh, RowTyping typing, String step) {
        List<Dataset<Row>> out = new ArrayList<>();
        for (List<SourceIngest.Fresh> group : SourceIngest.dialectGroups(fresh)) {
            var dialect = group.get(0).head().dialect();
            Dataset<Row> lines = TextLines.read(spark, group.stream().map(SourceIngest.Fresh::file).toList(), dialect.encoding());
            Function<Dataset<Row>, Dataset<Row>> parsed = l -> (dialect.format() == FileFormat.CSV ? RecordFields.csv(Source.CASES, dialect)
                : RecordFields.json(Source.CASES)).parse(l).select(col(Columns.FILE_REF), col(RecordFields.MALFORMED), col(Columns.RAW_RECORD));
            Dataset<Row> part = switch (step) {
                case "lines" -> lines;
                case "parsed" -> parsed.apply(lines);
                case "typed" -> SourceIngest.read(spark, Source.CASES, typing, group);
                default -> SourceIngest.read(spark, Source.CASES, typing, group).filter(col(Columns.NOT_A_RECORD).isNull())
                    .select(SourceIngest.stateColumns(Source.CASES, "benchmark"));
            };
            out.add(part);
        }
        return out;
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
