package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.testing.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPR numbers outside values: in a file name, a header, a JSON key. None reaches the state, its folder names or the result. */
class CprInNamesTest {
    private static final String[] RAW = {"240190-2222", "2401902222", "010190-1234", "0101901234", "270190-7777", "2701907777"};

    @Test
    void namesAreMaskedEverywhereAndTheMaskingIsCounted(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/export-240190-2222.csv", "case_id,unit,opened_at,cpr_010190-1234_hdr\nA,U,2026-03-02,x\nB,,2026-03-02,y\n");
        TempDirs.write(f.data, "cases/b.jsonl", "{\"case_id\":\"C\",\"unit\":\"U\",\"opened_at\":\"2026-03-02\",\"270190-7777\":\"z\"}\n");
        IngestResult r = f.ingest("r1");

        assertThat(r.counts().get(Source.CASES).files()).extracting(FileCounts::path)
            .containsExactly("cases/b.jsonl", "cases/export-######-####.csv");
        assertThat(r.cprMasked()).containsEntry("cases.file_names", 1L).containsEntry("cases.column_names", 2L);
        assertThat(f.quarantine("cases/export-######-####.csv")).containsOnlyKeys(3L);
        StringBuilder everything = new StringBuilder(r.toString());
        try (Stream<Path> files = Files.walk(f.state)) {
            for (Path p : files.toList()) {
                everything.append(f.state.relativize(p)).append('\n');
                if (Files.isRegularFile(p) && p.toString().endsWith(".json")) everything.append(Files.readString(p));
            }
        }
        f.stored(Source.CASES).forEach(row -> everything.append(row).append('\n'));
        String digits = everything.toString().replaceAll("[^0-9]", "");
        for (String raw : RAW) assertThat(everything.toString()).doesNotContain(raw);
        for (String raw : RAW) assertThat(digits).doesNotContain(raw.replace("-", ""));
        assertThat(everything.toString()).contains("cpr_######-####_hdr");
    }

    /**
     * Case ids built from the citizen's CPR number: three different cases (two written with a dash, one without) stay
     * three cases, each CPR number a keyed token, never the number and never one shared mask that would make two of
     * them older versions of the third. The same number written both ways is one case.
     */
    @Test
    void caseIdsHoldingCprNumbersStayDistinctAndHoldNoNumber(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/cpr-ids.csv", "case_id,unit,opened_at,updated_at\nS-010190-1111,Nord,2026-03-02,2026-03-02T10:00\n"
            + "S-020290-2222,Vest,2026-03-03,2026-03-03T10:00\nS-0303903333,Nord,2026-03-04,2026-03-04T10:00\n"
            + "S-0101901111,Nord,2026-03-02,2026-03-05T10:00\n");
        IngestResult r = f.ingest("r1");
        assertThat(f.quarantine("cases/cpr-ids.csv")).isEmpty();
        List<String> ids = f.stored(Source.CASES).stream().map(row -> (String) row.getAs(Columns.CASE_ID)).toList();
        assertThat(ids).hasSize(4).allMatch(id -> id.matches("S-c_[a-p]{32}"));
        assertThat(new java.util.TreeSet<>(ids)).as("three citizens, three cases; the fourth row is a later version of the first").hasSize(3);
        String all = String.join(" ", ids) + r;
        for (String raw : List.of("010190", "020290", "030390", "1111", "2222", "3333")) assertThat(all).doesNotContain(raw);
        assertThat(r.cprMasked()).containsEntry("cases.case_id", 4L);
    }
}
