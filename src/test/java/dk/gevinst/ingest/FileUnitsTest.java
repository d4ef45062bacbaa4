package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.source.FileDialect;
import dk.gevinst.source.FileFormat;
import dk.gevinst.source.TextDecoding;
import dk.gevinst.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate learns the units a data root names without Spark: streamed, in every dialect ingest reads. */
class FileUnitsTest {
    private final Storage storage = new Storage(new Configuration());
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void aWindows1252CsvWithCrLfAndAQuotedLineBreakGivesItsUnitsMasked() throws Exception {
        String text = "case_id;unit;note\r\n1;Ydelse Øst;\"to\r\nlinjer\"\r\n2; Jobcenter Syd ;x\r\n3;;x\r\n4;Team 010190-1234;x\r\n";
        assertThat(units("cases.csv", FileFormat.CSV, text.getBytes(TextDecoding.WINDOWS_1252)))
            .containsExactlyInAnyOrder("Ydelse Øst", "Jobcenter Syd", "Team ######-####");
    }

    @Test
    void aUtf16CsvWithAByteOrderMark() throws Exception {
        String text = "\uFEFFcase_id,unit\n1,Ydelse Vest\n2,Ydelse Nord\n";
        assertThat(units("cases.csv", FileFormat.CSV, text.getBytes(StandardCharsets.UTF_16LE)))
            .containsExactlyInAnyOrder("Ydelse Vest", "Ydelse Nord");
    }

    @Test
    void jsonLinesSkipTheMalformedLineAndReadBareCarriageReturns() throws Exception {
        String text = "\uFEFF{\"case_id\":\"1\",\"Unit\":\"Ydelse Øst\"}\n{broken\n{\"case_id\":\"2\",\"unit\":\"A\"}\r{\"unit\":\"B\"}\n";
        assertThat(units("cases.jsonl", FileFormat.JSONL, text.getBytes(StandardCharsets.UTF_8)))
            .containsExactlyInAnyOrder("Ydelse Øst", "A", "B");
    }

    @Test
    void aCsvWithoutAUnitColumnNamesNone() throws Exception {
        assertThat(units("cases.csv", FileFormat.CSV, "case_id,team\n1,A\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void parquetIsReadOnItsUnitColumnOnly() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType(
            "message cases { required binary case_id (STRING); optional binary Unit (STRING); optional group extra { optional int32 n; } }");
        Path file = new Path(tmp.resolve("cases.parquet").toUri());
        Configuration conf = new Configuration();
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(file).withConf(conf).withType(schema).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            w.write(groups.newGroup().append("case_id", "1").append("Unit", "Ydelse Øst"));
            w.write(groups.newGroup().append("case_id", "2"));
            Group third = groups.newGroup().append("case_id", "3").append("Unit", "Ydelse Vest");
            third.addGroup("extra").append("n", 4);
            w.write(third);
        }
        Set<String> out = new TreeSet<>();
        FileUnits.read(storage, file, FileFormat.PARQUET, null, out);
        assertThat(out).containsExactly("Ydelse Vest", "Ydelse Øst");
    }

    private Set<String> units(String name, FileFormat format, byte[] bytes) throws Exception {
        java.nio.file.Path f = tmp.resolve(name);
        Files.write(f, bytes);
        FileDialect dialect = FileDialect.detect(format, Arrays.copyOf(bytes, Math.min(bytes.length, 64 * 1024)));
        Set<String> out = new TreeSet<>();
        FileUnits.read(storage, new Path(f.toUri()), format, dialect, out);
        return out;
    }

}
