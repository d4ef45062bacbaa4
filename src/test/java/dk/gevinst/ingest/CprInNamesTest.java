package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.source.Source;
import dk.gevinst.testing.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
