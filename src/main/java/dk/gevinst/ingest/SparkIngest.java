package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import dk.gevinst.source.Columns;
import dk.gevinst.source.FileFormat;
import dk.gevinst.source.RawRecord;
import dk.gevinst.source.RecordReaders;
import dk.gevinst.source.Source;
import dk.gevinst.spark.Tables;
import dk.gevinst.spark.SparkSchemas;
import dk.gevinst.storage.Storage;
import dk.gevinst.storage.Storage.FileEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Incremental, idempotent ingest. Only files not yet recorded in the file ledger are read, each source
 * in a single pass; accepted and quarantined rows are partitioned by source file and replace whatever an
 * interrupted earlier run wrote for the same files, and the ledger is written last. A killed run therefore leaves nothing half-done
 * that the next run does not redo.
 */
public final class SparkIngest implements IngestStage {
    /** The state folder holding quarantined rows, partitioned by source file like the accepted rows. */
    public static final String QUARANTINE = "quarantine";
    @Override
    public IngestResult ingest(SparkSession spark, IngestRequest request) {
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        Map<Source, SourceCounts> counts = new LinkedHashMap<>();
        List<FileProblem> rejected = new ArrayList<>();
        List<FileProblem> skipped = new ArrayList<>();
        Map<String, Long> masked = new HashMap<>();
        List<FileLedger.Entry> ingested = new ArrayList<>();
        FileLedger ledger;
        try {
            ledger = new FileLedger(storage, new Path(request.stateRoot(), "ledger"));
            for (Source source : Source.values()) {
                Path folder = new Path(request.dataRoot(), source.folder());
                List<FileEntry> fresh = new ArrayList<>();
                for (FileEntry f : storage.listFiles(folder)) {
                    String rel = source.folder() + "/" + f.path().getName();
                    var format = FileFormat.of(rel);
                    if (format.isEmpty()) {
                        skipped.add(new FileProblem(source.folder(), rel, "not a .csv, .jsonl or .parquet file; skipped"));
                        continue;
                    }
                    if (ledger.contains(rel, f.size(), f.modified())) continue;
                    String problem = HeaderCheck.problem(storage, source, f.path(), format.get());
                    if (problem != null) rejected.add(new FileProblem(source.folder(), rel, problem));
                    else fresh.add(f);
                }
                if (fresh.isEmpty()) {
                    counts.put(source, SourceCounts.of(List.of()));
                    continue;
                }
                List<FileCounts> files = ingestSource(spark, request, source, fresh, masked);
                counts.put(source, SourceCounts.of(files));
                for (int i = 0; i < fresh.size(); i++) {
                    FileEntry f = fresh.get(i);
                    String rel = source.folder() + "/" + f.path().getName();
                    FileCounts c = files.stream().filter(x -> x.path().equals(rel)).findFirst()
                        .orElse(new FileCounts(source.folder(), rel, 0, 0, 0, Map.of(), Map.of()));
                    ingested.add(new FileLedger.Entry(source.folder(), rel, f.size(), f.modified(), request.runId(),
                        c.rowsRead(), c.rowsAccepted(), c.rowsQuarantined(), c.byReason(), c.cprMasked()));
                }
            }
            ledger.record(request.runId(), ingested);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IngestResult(counts, rejected, skipped, masked, ledger.entries());
    }

    private List<FileCounts> ingestSource(SparkSession spark, IngestRequest request, Source source, List<FileEntry> files,
                                          Map<String, Long> masked) {
        Dataset<Row> validated = read(spark, request, source, files).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> accepted = validated.filter(col(Columns.REASON).isNull())
                .select(SparkSchemas.stored(source).stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new));
            Tables.replacePartitions(accepted, new Path(request.stateRoot(), source.folder()), Columns.FILE);
            Dataset<Row> quarantine = validated.filter(col(Columns.REASON).isNotNull())
                .select(lit(source.folder()).as(Columns.SOURCE), col(Columns.LINE),
                    col(Columns.REASON).as(Columns.REASON_CODE), lit(request.runId()).as(Columns.RUN_ID), col(Columns.FILE));
            Tables.replacePartitions(quarantine, new Path(request.stateRoot(), QUARANTINE), Columns.FILE);
            Map<String, Map<String, Long>> maskedByFile = new HashMap<>();
            for (Row r : validated.select(col(Columns.FILE), explode(col(Columns.CPR_MASKED)).as(Columns.COLUMN))
                    .groupBy(Columns.FILE, Columns.COLUMN).count().collectAsList()) {
                String key = source.folder() + "." + r.getString(1);
                masked.merge(key, r.getLong(2), Long::sum);
                maskedByFile.computeIfAbsent(r.getString(0), k -> new HashMap<>()).merge(key, r.getLong(2), Long::sum);
            }
            return countsByFile(source, validated, maskedByFile);
        } finally {
            validated.unpersist();
        }
    }

    private static List<FileCounts> countsByFile(Source source, Dataset<Row> validated, Map<String, Map<String, Long>> maskedByFile) {
        Map<String, Map<String, Long>> reasons = new LinkedHashMap<>();
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (Row r : validated.groupBy(Columns.FILE, Columns.REASON).count().collectAsList()) {
            String file = r.getString(0);
            long n = r.getLong(2);
            long[] t = totals.computeIfAbsent(file, k -> new long[2]);
            if (r.isNullAt(1)) {
                t[0] += n;
            } else {
                t[1] += n;
                reasons.computeIfAbsent(file, k -> new HashMap<>()).merge(r.getString(1), n, Long::sum);
            }
        }
        List<FileCounts> out = new ArrayList<>();
        totals.forEach((file, t) -> out.add(new FileCounts(source.folder(), file, t[0] + t[1], t[0], t[1],
            reasons.getOrDefault(file, Map.of()), maskedByFile.getOrDefault(file, Map.of()))));
        out.sort(java.util.Comparator.comparing(FileCounts::path));
        return out;
    }

    /** Every new file of one source, read once, validated on the executors. */
    private static Dataset<Row> read(SparkSession spark, IngestRequest request, Source source, List<FileEntry> files) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        RowValidator validator = new RowValidator(source, request.bounds(), request.pseudonymizer());
        String folder = source.folder();
        List<String> text = new ArrayList<>();
        List<String> parquet = new ArrayList<>();
        for (FileEntry f : files) (FileFormat.of(f.path().getName()).orElseThrow() == FileFormat.PARQUET ? parquet : text).add(f.path().toString());
        JavaRDD<Row> rows = jsc.emptyRDD();
        if (!text.isEmpty()) {
            rows = rows.union(jsc.binaryFiles(String.join(",", text), text.size())
                .flatMap(t -> FileRows.fromBytes(folder + "/" + new Path(t._1()).getName(), t._2().toArray(), validator).iterator()));
        }
        if (!parquet.isEmpty()) {
            Dataset<Row> df = spark.read().parquet(parquet.toArray(String[]::new));
            String[] names = df.schema().fieldNames();
            JavaRDD<Tuple2<String, RawRecord>> records = df.select(col("*"), col("_metadata.file_path"), col("_metadata.row_index"))
                .toJavaRDD().map(r -> {
                    Map<String, String> fields = new HashMap<>();
                    for (int i = 0; i < names.length; i++) fields.put(RecordReaders.normaliseHeader(names[i]), r.isNullAt(i) ? null : String.valueOf(r.get(i)));
                    String file = folder + "/" + new Path(r.getString(names.length)).getName();
                    return new Tuple2<>(file, RawRecord.of(r.getLong(names.length + 1) + 1, fields));
                });
            rows = rows.union(records.groupBy(Tuple2::_1).flatMap(g -> {
                List<RawRecord> recs = new ArrayList<>();
                g._2().forEach(t -> recs.add(t._2()));
                recs.sort(java.util.Comparator.comparingLong(RawRecord::line));
                return FileRows.fromRecords(g._1(), recs, false, validator).iterator();
            }));
        }
        return spark.createDataFrame(rows, SparkSchemas.validated(source));
    }
}
