package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.source.TextDecoding;
import dk.gevinst.testing.TempDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text exports as they really come: stray quotes, blank lines, odd encodings, Danish numbers, broken times. */
class MessyTextTest {
    @Test
    void oneStrayQuoteSpoilsOneRowAndTheRestOfTheFileIsRead(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        StringBuilder csv = new StringBuilder("case_id,unit,opened_at,note\n");
        for (int i = 0; i < 1000; i++) csv.append("C").append(i).append(",U,2026-03-02,").append(i == 0 ? "\"unclosed quote" : "fine").append('\n');
        TempDirs.write(f.data, "cases/a.csv", csv.toString());
        FileCounts c = IngestFixture.file(f.ingest("r1"), Source.CASES, "cases/a.csv");
        assertThat(c.rowsRead()).isEqualTo(1000);
        assertThat(c.rowsAccepted()).isEqualTo(999);
        assertThat(f.quarantine("cases/a.csv")).containsExactly(Map.entry(2L, "malformed_row"));
    }

    @Test
    void lineNumbersArePhysicalLinesInEveryEncodingAndAcrossManyFiles(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        // Blank lines are not rows, but they are lines: the bad row after them is on line 5.
        TempDirs.write(f.data, "cases/crlf.csv", "case_id,unit,opened_at\r\nA1,U,2026-03-02\r\n\r\n   \r\nA2,U,not a date\r\n");
        TempDirs.write(f.data, "cases/utf16.csv", "\uFEFFcase_id;unit;opened_at\r\nB1;Jobcenter Øst;02-03-2026\r\nB2;Øst;32-03-2026\r\n",
            StandardCharsets.UTF_16LE);
        TempDirs.write(f.data, "cases/cp1252.csv", "case_id;unit;opened_at\nC1;Jobcenter Øst – Nord;2026-03-02\nC2;;2026-03-02\nC3;Æblevej Øst;2026-03-02\n",
            TextDecoding.WINDOWS_1252);
        for (int i = 0; i < 12; i++) {
            StringBuilder csv = new StringBuilder("case_id,unit,opened_at\n");
            for (int l = 2; l < 2 + i; l++) csv.append("M").append(i).append('-').append(l).append(",U,2026-03-02\n");
            csv.append("bad").append(i).append(",U,2026-02-30\n");
            TempDirs.write(f.data, String.format("cases/many-%02d.csv", i), csv.toString());
        }
        IngestResult r = f.ingest("r1");
        assertThat(f.quarantine("cases/crlf.csv")).containsExactly(Map.entry(5L, "bad_value:opened_at"));
        assertThat(IngestFixture.file(r, Source.CASES, "cases/crlf.csv").rowsRead()).isEqualTo(2);
        assertThat(f.quarantine("cases/utf16.csv")).containsExactly(Map.entry(3L, "bad_value:opened_at"));
        assertThat(f.quarantine("cases/cp1252.csv")).containsExactly(Map.entry(3L, "missing:unit"));
        for (int i = 0; i < 12; i++) {
            assertThat(f.quarantine(String.format("cases/many-%02d.csv", i))).as("file " + i).containsExactly(Map.entry(2L + i, "bad_value:opened_at"));
        }
        Map<String, String> units = f.stored(Source.CASES).stream().collect(Collectors.toMap(x -> x.getAs(Columns.CASE_ID), x -> x.getAs(Columns.UNIT)));
        assertThat(units).containsEntry("B1", "Jobcenter Øst").containsEntry("C1", "Jobcenter Øst – Nord")
            .as("a Windows-1252 line with none of the characters where it differs from Latin-1").containsEntry("C3", "Æblevej Øst");
    }

    @Test
    void danishNumbersAndBrokenTimestampsAreReadOrQuarantinedNeverGuessed(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/dk.csv", """
            case_id;unit;opened_at;decided_at;handling_minutes
            A;U;2026-03-02;2026-03-03;1.234
            B;U;2026-03-02;2026-03-03;12,5
            C;U;2026-03-02;2026-03-03;12.5
            D;U;2026-03-02;2026-06-01T25:61;10
            E;U;2026-03-02;2026-03-03T09:15 and more;10
            """);
        f.ingest("r1");
        Map<String, Row> rows = f.stored(Source.CASES).stream().collect(Collectors.toMap(x -> x.getAs(Columns.CASE_ID), x -> x));
        assertThat(rows.get("A").<Double>getAs(Columns.HANDLING_MINUTES)).as("1.234 in a decimal-comma file").isEqualTo(1234.0);
        assertThat(rows.get("B").<Double>getAs(Columns.HANDLING_MINUTES)).isEqualTo(12.5);
        assertThat(f.quarantine("cases/dk.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(
            4L, "bad_value:handling_minutes", 5L, "bad_value:decided_at", 6L, "bad_value:decided_at"));
    }

    @Test
    void garbageLinesAreOneMalformedRowEachAndNeverStopTheFile(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        String megabyte = "x".repeat(1 << 20);
        TempDirs.write(f.data, "cases/g.csv", "case_id,unit,opened_at,note\n"
            + "A,U,2026-03-02," + megabyte + "\n"
            + megabyte + "\n"
            + ",".repeat(30_000) + "\n"
            + "B,U,2026-03-02,ok\n");
        TempDirs.writeBytes(f.data, "cases/binary.jsonl", new byte[] {'{', '"', 'c', 'a', 's', 'e', '_', 'i', 'd', '"', ':', '1', ',', '"', 'u', 'n',
            'i', 't', '"', ':', '2', ',', '"', 'o', 'p', 'e', 'n', 'e', 'd', '_', 'a', 't', '"', ':', '"', '2', '0', '2', '6', '-', '0', '1', '-', '0',
            '1', '"', '}', '\n', (byte) 0x1f, (byte) 0x8b, 0, (byte) 0xff, '\n'});
        IngestResult r = f.ingest("r1");
        assertThat(f.quarantine("cases/g.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(3L, "malformed_row", 4L, "malformed_row"));
        assertThat(IngestFixture.file(r, Source.CASES, "cases/g.csv").rowsAccepted()).isEqualTo(2);
        assertThat(f.quarantine("cases/binary.jsonl")).containsExactly(Map.entry(2L, "malformed_row"));
    }
}
