package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.ingest.ColumnTypos;
import dk.gevinst.ingest.FileLedger;
import dk.gevinst.publish.HealthFlag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A misspelt column repeated by every nightly export is one health flag naming the column, the fix and the files. */
class ColumnTypoFlagTest {
    private static FileLedger.Entry file(String source, String display, List<String> columns) {
        return file(source, display, columns, null);
    }

    private static FileLedger.Entry file(String source, String display, List<String> columns, Map<String, String> units) {
        return new FileLedger.Entry(source, "ref-" + display, "ver-" + display, display, 10, 0, "2026-03-01", "2026-03-02T04:00:00Z",
            "2026-03-02T04:00:00Z", "r1", 1, 1, 0, Map.of(), Map.of(), columns, List.of(), null, null, null, units, null, null, null);
    }

    @Test
    void aTypoInAnotherTeamsExportsIsNotThisPilotsWarning() {
        // Borgerservice's exports misspell a column; Jobcenter's spell it right. A Jobcenter pilot is not told of it.
        List<String> typo = List.of("case_id", "unit", "opened_at", "case type");
        List<FileLedger.Entry> known = List.of(
            file("cases", "cases/bs-1.csv", typo, Map.of("BS Øst", "2026-01-05", "BS Vest", "2026-01-05")),
            file("cases", "cases/bs-2.csv", typo, Map.of("BS Syd", "2026-01-05")),
            file("cases", "cases/old.csv", typo),
            file("cases", "cases/jc.csv", List.of("case_id", "unit", "opened_at", "case_type"), Map.of("JC Midt", "2026-01-05")));
        ColumnTypos.InFiles all = ColumnTypos.ofKnownFiles(known).get(0);
        assertThat(all.files()).containsExactly("cases/bs-1.csv", "cases/bs-2.csv", "cases/old.csv");
        assertThat(all.about(List.of("BS Øst", "JC Midt")).files()).as("its own team's file, and one whose units are not known")
            .containsExactly("cases/bs-1.csv", "cases/old.csv");
        assertThat(ColumnTypos.ofKnownFiles(known.subList(0, 2)).get(0).about(List.of("JC Midt", "JC Nord"))).as("nothing of theirs").isNull();
        assertThat(all.about(List.of("BS Syd", "BS Vest"))).as("every file is theirs or unknown: the same").isSameAs(all);
    }

    @Test
    void oneFlagPerTypoWithItsFilesInDanishAndEnglish() {
        List<String> typo = List.of("case_id", "unit", "opened_at", "handling_minuts");
        List<FileLedger.Entry> known = List.of(file("cases", "cases/1.csv", typo), file("cases", "cases/2.csv", typo),
            file("cases", "cases/3.csv", typo), file("cases", "cases/4.csv", typo), file("cases", "cases/5.csv", typo),
            file("cases", "cases/ok.csv", List.of("case_id", "unit", "opened_at", "handling_minutes")),
            file("usage", "usage/u.csv", List.of("user_id", "unit", "day", "active_minute")));

        List<ColumnTypos.InFiles> typos = ColumnTypos.ofKnownFiles(known);
        assertThat(typos).extracting(t -> t.typo().column() + "->" + t.typo().suggestion() + " " + t.files().size())
            .containsExactly("handling_minuts->handling_minutes 5", "active_minute->active_minutes 1");

        HealthFlag flag = HealthTexts.columnTypoFlag(typos.get(0));
        assertThat(flag.code()).isEqualTo("column_typo");
        assertThat(flag.severity()).isEqualTo(HealthFlag.Severity.WARNING);
        assertThat(flag.textDa()).contains("Kolonnen 'handling_minuts' i sager (cases/1.csv, cases/2.csv, cases/3.csv og 2 filer mere)")
            .contains("mente I 'handling_minutes'?").contains("Ret: omdøb kolonnen til 'handling_minutes' i eksporten");
        assertThat(flag.textEn()).contains("Column 'handling_minuts' in cases (cases/1.csv, cases/2.csv, cases/3.csv and 2 more files)")
            .contains("did you mean 'handling_minutes'?").contains("Fix: rename the column to 'handling_minutes' in the export");
        assertThat(flag.toJson().path("files")).hasSize(5);
        assertThat(flag.toJson().path("did_you_mean").asText()).isEqualTo("handling_minutes");
    }
}
