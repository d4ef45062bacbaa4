package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.dashboard.DashboardWriter;
import dk.gevinst.storage.Storage;
import dk.gevinst.text.Language;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TinyRuns;
import dk.gevinst.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that arrives late about earlier days must not change the answer for a night that had not seen it:
 * replaying that night gives what the night itself published. Each night's quarantine is published once. A
 * misspelt optional column becomes a health flag on the pilot's page, in Danish and English.
 */
class ReplayAsKnownTest {
    private static String cases(String prefix, int minutes, int... days) {
        StringBuilder b = new StringBuilder();
        int id = 0;
        for (String unit : List.of("A", "B")) {
            for (int d : days) {
                String month = d < 16 ? "01" : "03";
                String day = String.format("2026-%s-%02d", month, d < 16 ? d : d - 12);
                b.append(prefix).append(++id).append(',').append(unit).append(',').append(day).append(',').append(day).append("T15:00,")
                    .append(unit.equals("A") && month.equals("03") ? minutes : 30 + id % 5).append(',').append(day).append("T16:00\n");
            }
        }
        return b.toString();
    }

    private static int night(Path tmp, String asOf) {
        return TinyRuns.run(tmp.resolve("pilots"), tmp.resolve("data"), tmp.resolve("out"), asOf);
    }

    @Test
    void aReplayOfANightEqualsWhatThatNightPublished(@TempDir Path tmp) throws Exception {
        TempDirs.write(tmp, "pilots/small.yaml", TinyRuns.GOOD_SPEC);
        String header = "case_id,unit,opened_at,decided_at,handling_minutes,updated_at\n";
        TempDirs.write(tmp, "data/cases/cases-1.csv", header + cases("c", 25, 5, 6, 7, 8, 9, 10, 11, 12, 16, 17, 18, 19, 20, 21, 22, 23) + "bad,A,never,,,\n");
        assertThat(night(tmp, "2026-03-15")).isZero();
        String firstNight = Files.readString(tmp.resolve("out/decisions/small.json"));

        // A late export about the same March days and a few later ones (so 22 March is not stale), with a misspelt optional column.
        TempDirs.write(tmp, "data/cases/cases-2.csv", "case_id,unit,opened_at,decided_at,handling_minutes,updated_at,reopend\n"
            + cases("late", 60, 20, 21, 22, 23, 29, 30).replace("\n", ",nej\n") + "worse,B,2026-03-05,2026-03-01,5,2026-03-05,nej\n");
        assertThat(night(tmp, "2026-03-22")).isZero();
        assertThat(pilotPostCases(Files.readString(tmp.resolve("out/decisions/small.json"))))
            .as("the late file adds March cases").isGreaterThan(pilotPostCases(firstNight));
        JsonNode manifest = SampleRun.json(latestManifest(tmp.resolve("out/runs")));
        assertThat(manifest.path("column_warnings").get(0).path("path").asText()).isEqualTo("cases/cases-2.csv");
        assertThat(manifest.path("column_warnings").get(0).path("message").asText()).contains("did you mean 'reopened'");
        JsonNode typo = SampleRun.healthFlag(SampleRun.json(tmp.resolve("out/decisions/small.json")), "column_typo");
        assertThat(typo.path("severity").asText()).isEqualTo("warning");
        assertThat(typo.path("column").asText()).isEqualTo("reopend");
        assertThat(typo.path("did_you_mean").asText()).isEqualTo("reopened");
        assertThat(typo.path("files").get(0).path("path").asText()).isEqualTo("cases/cases-2.csv");
        // The page's data health, from the published document only: the typo with the fix, and the quarantine reasons in words.
        String da = page(tmp, Language.DA), en = page(tmp, Language.EN);
        assertThat(da).contains("reopend").contains("cases/cases-2.csv").contains("findes ikke i datakontrakten; mente I")
            .contains("Ret: omdøb kolonnen til").contains("Afgjort før sagen blev oprettet").contains("Ugyldig værdi i opened_at");
        assertThat(en).contains("reopend").contains("is not in the data contract; did you mean").contains("Fix: rename the column to")
            .contains("Decided before the case was opened").contains("Invalid value in opened_at");

        String secondNight = Files.readString(tmp.resolve("out/decisions/small.json"));
        assertThat(night(tmp, "2026-03-15")).isZero();
        assertThat(Files.readString(tmp.resolve("out/current/replayed/2026-03-15/decisions/small.json"))).as("the replay of 15 March")
            .isEqualTo(firstNight);
        assertThat(Files.readString(tmp.resolve("out/decisions/small.json"))).as("published beside the latest night, not in its place")
            .isEqualTo(secondNight);

        var quarantine = TestSpark.session().read().parquet(tmp.resolve("out/tables/quarantine").toString());
        List<Row> rows = quarantine.select("as_of", "source_file", "source_line", "reason").orderBy("as_of").collectAsList();
        assertThat(rows).extracting(r -> r.get(0).toString() + " " + r.getString(1) + ":" + r.getLong(2) + " " + r.getString(3))
            .as("each night's new quarantine rows, once").containsExactly(
                "2026-03-15 cases/cases-1.csv:34 bad_value:opened_at",
                "2026-03-22 cases/cases-2.csv:14 decided_before_opened");
    }

    /** The pilot's page as the dashboard renders it from the published decisions, in one language. */
    private static String page(Path tmp, Language language) throws Exception {
        Path target = tmp.resolve("pages-" + language.code());
        DashboardWriter.write(new Storage(new Configuration()), Storage.resolve(tmp.resolve("out/decisions").toString()),
            Storage.resolve(target.toString()), language);
        return Files.readString(target.resolve("small.html"));
    }

    private static int pilotPostCases(String decision) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(decision).path("indicators").get(0).path("cells").path("pilot_post")
            .path("n").asInt();
    }

    private static Path latestManifest(Path runs) throws Exception {
        try (var s = Files.list(runs)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }
}
