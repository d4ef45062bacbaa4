package dk.gevinst.ingest;

import dk.gevinst.source.CsvDialect;
import dk.gevinst.source.FileFormat;
import dk.gevinst.source.RawRecord;
import dk.gevinst.source.RecordReaders;
import dk.gevinst.source.TextDecoding;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Runs on executors: one file's bytes or records to validated Spark rows (see SparkSchemas.validated). */
final class FileRows {
    private FileRows() {}

    static List<Row> fromBytes(String relativePath, byte[] bytes, RowValidator validator) {
        FileFormat format = FileFormat.of(relativePath).orElseThrow();
        String text = TextDecoding.decode(bytes).text();
        List<RawRecord> records;
        boolean decimalComma = false;
        if (format == FileFormat.CSV) {
            decimalComma = CsvDialect.detect(RecordReaders.firstLine(text)).decimalComma();
            records = RecordReaders.csv(text);
        } else {
            records = RecordReaders.jsonLines(text);
        }
        return fromRecords(relativePath, records, decimalComma, validator);
    }

    static List<Row> fromRecords(String relativePath, List<RawRecord> records, boolean decimalComma, RowValidator validator) {
        List<ValidatedRow> validated = FileValidation.validate(validator, records, decimalComma);
        List<Row> out = new ArrayList<>(validated.size());
        for (ValidatedRow v : validated) {
            Object[] values = new Object[v.values().length + 5];
            System.arraycopy(v.values(), 0, values, 0, v.values().length);
            int i = v.values().length;
            values[i] = scala.jdk.javaapi.CollectionConverters.asScala(v.extras());
            values[i + 1] = relativePath;
            values[i + 2] = v.line();
            values[i + 3] = v.reason();
            values[i + 4] = scala.jdk.javaapi.CollectionConverters.asScala(v.cprMasked()).toSeq();
            out.add(RowFactory.create(values));
        }
        return out;
    }
}
