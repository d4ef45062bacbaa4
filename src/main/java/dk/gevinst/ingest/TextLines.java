package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.decode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.split;

import dk.gevinst.source.Columns;
import dk.gevinst.source.FileDialect;
import dk.gevinst.source.TextDecoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The physical lines of text exports, each with its file and line number, counted independently of any
 * CSV or JSON parsing: one line is one record, so a stray quote can spoil one row and never the rest.
 *
 * <p>Line numbers come from the reader's position within the file. Spark's text reader is told (see
 * {@link #WHOLE_FILES}) to read each file whole in one partition of its own, so the partition-local part
 * of {@code monotonically_increasing_id} is the line index. Each row also carries the reader's split start
 * and index, and the ingest checks that every file starts at index 0 and was never split, so a change in
 * Spark's planning fails loudly instead of numbering lines wrongly. UTF-16 files (rare, and not readable
 * line by line as bytes) are read whole, decoded and split with Spark expressions.
 */
final class TextLines {
    /** Session settings under which a file scan gives each file exactly one partition. */
    static final Map<String, String> WHOLE_FILES = Map.of(
        "spark.sql.files.maxPartitionBytes", String.valueOf(1L << 40),
        "spark.sql.files.openCostInBytes", String.valueOf(1L << 40));
    /** The partition-local row index occupies the low 33 bits of monotonically_increasing_id. */
    private static final long INDEX_BITS = (1L << 33) - 1;
    private static final StructType FILES = new StructType()
        .add(Columns.FILE_NAME, DataTypes.StringType).add(Columns.FILE_REF, DataTypes.StringType).add(Columns.FILE, DataTypes.StringType);

    private TextLines() {}

    /** Lines of files that share one encoding: FILE_REF, FILE, LINE (from 1), RAW_LINE, READ_INDEX, SPLIT_START. */
    static Dataset<Row> read(SparkSession spark, List<SourceFile> files, FileDialect.Encoding encoding) {
        String[] paths = files.stream().map(f -> f.path().toString()).toArray(String[]::new);
        Dataset<Row> lines;
        if (encoding == FileDialect.Encoding.UTF8_OR_WINDOWS_1252) {
            Column index = monotonically_increasing_id().bitwiseAND(lit(INDEX_BITS));
            lines = spark.read().text(paths).select(
                TextDecoding.utf8OrWindows1252(col("value")).as(Columns.RAW_LINE),
                col("_metadata.file_name").as(Columns.FILE_NAME),
                col("_metadata.file_block_start").as(Columns.SPLIT_START),
                index.as(Columns.READ_INDEX));
        } else {
            String charset = encoding == FileDialect.Encoding.UTF16LE ? "UTF-16LE" : "UTF-16BE";
            Column text = regexp_replace(decode(col("content"), charset), "^\uFEFF", "");
            lines = spark.read().format("binaryFile").load(paths)
                .select(col("_metadata.file_name").as(Columns.FILE_NAME), posexplode(split(text, "\r\n|\r|\n", -1)))
                .select(col("col").as(Columns.RAW_LINE), col(Columns.FILE_NAME), lit(0L).as(Columns.SPLIT_START),
                    col("pos").cast(DataTypes.LongType).as(Columns.READ_INDEX));
        }
        List<Row> names = new ArrayList<>();
        for (SourceFile f : files) names.add(RowFactory.create(f.encodedName(), f.versionRef(), f.display()));
        return lines.join(broadcast(spark.createDataFrame(names, FILES)), Columns.FILE_NAME)
            .withColumn(Columns.LINE, col(Columns.READ_INDEX).plus(1))
            .drop(Columns.FILE_NAME);
    }
}
