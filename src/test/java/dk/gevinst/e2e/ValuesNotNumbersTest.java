package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import dk.gevinst.testing.TinyRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom indicator's column (`column: fte`, an extra column of the case exports) observes a case only when its
 * value is a number within ±10,000,000. The cases it leaves out are not lost in silence: they are counted in the
 * indicator's own cells, so only the latest version of a decided case in the pilot's units and periods counts, and
 * the pilot gets a warning naming the indicator, the column, how many of each kind per unit, and the fix. An
 * empty value is no value at all, and a pilot that does not read the column is not told.
 */
class ValuesNotNumbersTest {
    private static final String FTE = "  fte: {role: descriptive, column: fte, direction: higher_is_better, label_da: Årsværk, label_en: FTE}\n";
    /** A week's ramp-up after the start on 2 March: cases decided then are in no period. */
    private static final String SMALL = TinyRuns.GOOD_SPEC.replace("  handling_time: {role: success, mde: \"10%\"}\n",
        "  handling_time: {role: success, mde: \"10%\"}\n" + FTE).replace("baseline_start: 2026-01-05\n", "baseline_start: 2026-01-05\nramp_up_days: 7\n");
    private static final String OTHER = TinyRuns.GOOD_SPEC.replace("id: small", "id: other");
    private static final String ON_C = SMALL.replace("id: small", "id: on-c").replace("arms: {pilot: [A], control: [B]}",
        "arms: {pilot: [C], control: [B]}");

    private static String day(int d) {
        return "2026-" + (d < 16 ? "01" : "03") + "-" + String.format("%02d", d);
    }

    @Test
    void theCasesAnIndicatorLeavesOutAreCountedWhereItsCellsAreAndNamedOnThePilot(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        // Unit A, a comma-separated export: a text, a quoted decimal comma (text here), a number beyond the range, an empty value.
        StringBuilder a = new StringBuilder("case_id,unit,opened_at,decided_at,handling_minutes,fte\n");
        for (int i = 1; i <= 24; i++) {
            // 12d and 0x1p3 pass Spark's cast to double, but are no number anyone exported.
            String fte = i % 6 == 0 ? "ukendt" : i == 5 ? "5e10" : i == 7 ? "" : i == 9 ? "\"0,5\"" : i == 11 ? "12d" : i == 13 ? "0x1p3"
                : "0." + (i % 9 + 1);
            a.append(String.join(",", "a" + i, "A", day(i + 4), day(i + 4) + "T15:00", "30", fte)).append('\n');
        }
        a.append("a1,A,").append(day(5)).append(',').append(day(5)).append("T15:00,30,ukendt\n"); // a duplicate line: quarantined
        a.append("undecided,A,2026-03-20,,30,ukendt\n"); // no decided_at: never observed
        a.append("early,A,2025-12-20,2025-12-20T15:00,30,ukendt\n"); // before the baseline: in no period
        a.append("ramp,A,2026-03-05,2026-03-05T15:00,30,ukendt\n"); // in the ramp-up: in no period either
        TempDirs.write(data, "cases/a.csv", a.toString());
        // A later file corrects a12: its latest version has a number, so its "ukendt" no longer counts.
        TempDirs.write(data, "cases/a2.csv", "case_id,unit,opened_at,decided_at,handling_minutes,fte\na12,A," + day(16) + "," + day(16)
            + "T15:00,30,0.7\n");
        // Unit B, a semicolon export with decimal commas, where 0,5 is a number.
        StringBuilder b = new StringBuilder("case_id;unit;opened_at;decided_at;handling_minutes;fte\n");
        for (int i = 1; i <= 24; i++) {
            b.append(String.join(";", "b" + i, "B", day(i + 4), day(i + 4) + "T15:00", "30", i % 6 == 0 ? "n/a" : i == 1 ? "NaN" : "0," + (i % 9 + 1))).append('\n');
        }
        TempDirs.write(data, "cases/b.csv", b.toString());
        // Unit C, JSON lines: a text value in every fifth case.
        StringBuilder c = new StringBuilder();
        for (int i = 1; i <= 24; i++) {
            c.append("{\"case_id\":\"c").append(i).append("\",\"unit\":\"C\",\"opened_at\":\"").append(day(i + 4)).append("\",\"decided_at\":\"")
                .append(day(i + 4)).append("T15:00\",\"handling_minutes\":30,\"fte\":").append(i % 5 == 0 ? "\"ukendt\"" : i == 1 ? "\"Infinity\"" : "0.5").append("}\n");
        }
        TempDirs.write(data, "cases/c.jsonl", c.toString());
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", SMALL);
        TempDirs.write(pilots, "other.yaml", OTHER);
        TempDirs.write(pilots, "on-c.yaml", ON_C);
        Path out = tmp.resolve("out");

        assertThat(TinyRuns.run(pilots, data, out, TinyRuns.NEWEST)).isZero();

        // A: a6, a18, a24, a9 ("0,5" in a comma file), a11 and a13 are no number, a5 is beyond the range; B: b6, b12, b18, b24 and b1 (NaN).
        JsonNode flag = SampleRun.healthFlag(SampleRun.json(out.resolve("decisions/small.json")), "values_not_numbers");
        assertThat(flag.path("severity").asText()).isEqualTo("warning");
        assertThat(flag.path("column").asText()).isEqualTo("fte");
        assertThat(flag.path("indicator").asText()).isEqualTo("fte");
        assertThat(flag.path("not_numbers").asLong()).isEqualTo(11);
        assertThat(flag.path("out_of_range").asLong()).isEqualTo(1);
        assertThat(flag.path("units").toString()).isEqualTo("{\"A\":7,\"B\":5}");
        assertThat(flag.path("days").toString()).isEqualTo("{\"A\":[\"2026-01-09\",\"2026-03-28\"],\"B\":[\"2026-01-05\",\"2026-03-28\"]}");
        assertThat(flag.path("text_da").asText()).isEqualTo("12 sager i evalueringens perioder indgår ikke i Årsværk, fordi kolonnen 'fte' ikke giver "
            + "et brugbart tal: 11 har værdier, der ikke er tal, og 1 har et tal uden for ±10.000.000. De er fra A (7, afgjort 9.\u00a0januar\u00a02026 til "
            + "28.\u00a0marts\u00a02026) og B (5, afgjort 5.\u00a0januar\u00a02026 til 28.\u00a0marts\u00a02026). Ret: skriv kolonnen som tal med samme decimaltegn som filens øvrige tal "
            + "(punktum i kommaseparerede filer og i JSON); brug en større enhed, så værdierne ligger inden for ±10.000.000. Lever derefter "
            + "sagerne igen; en ændret fil læses den følgende nat.");
        assertThat(flag.path("text_en").asText()).startsWith("12 cases in the evaluation's periods are left out of FTE, because column 'fte' "
            + "gives no usable number: 11 have values that are not numbers, and 1 has a number beyond ±10,000,000. They are from A (7, decided "
            + "9\u00a0January\u00a02026 to 28\u00a0March\u00a02026) and B (5, decided 5\u00a0January\u00a02026 to 28\u00a0March\u00a02026). Fix: write the column");

        // C's JSON cases (c5, c10, c15, c20 and c1, Infinity) count for the pilot that has C, and only as text.
        JsonNode onC = SampleRun.healthFlag(SampleRun.json(out.resolve("decisions/on-c.json")), "values_not_numbers");
        assertThat(onC.path("units").toString()).isEqualTo("{\"B\":5,\"C\":5}");
        assertThat(onC.path("out_of_range").asLong()).isZero();
        assertThat(onC.path("text_en").asText()).contains("10 have values that are not numbers. They are from B (5, ")
            .doesNotContain("larger unit");

        assertThat(SampleRun.json(out.resolve("decisions/other.json")).path("health").findValuesAsText("code"))
            .as("a pilot that does not read the column").doesNotContain("values_not_numbers");
        // One case per unit and day, so a day cell is one case (its n is suppressed as a small cell): the cells count the cases.
        var cells = TestSpark.session().read().parquet(out.resolve("tables/cell_stats").toString()).filter("pilot_id = 'small'");
        assertThat(cells.filter("indicator = 'handling_time'").count()).as("every case").isEqualTo(48);
        assertThat(cells.filter("indicator = 'fte'").count()).as("the cases whose fte is a number within the range, and only they")
            .isEqualTo(48 - 12 - 1);
    }

    /**
     * After the pilot's end the indicator is still recomputed every night until its final analysis is frozen (the end
     * plus its maturity): the warning stands until then, and goes with the freeze, when corrections no longer change it.
     */
    @Test
    void theWarningStandsUntilTheIndicatorsFinalAnalysisIsFrozen(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        StringBuilder csv = new StringBuilder("case_id,unit,opened_at,decided_at,handling_minutes,fte\n");
        int id = 0;
        for (String unit : java.util.List.of("A", "B")) {
            for (int d = 5; d <= 28; d++) {
                id++;
                csv.append(String.join(",", "c" + id, unit, day(d), day(d) + "T15:00", "30", id % 4 == 0 ? "ukendt" : "0.5")).append('\n');
            }
        }
        TempDirs.write(data, "cases/c.csv", csv.toString());
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC.replace("end: 2026-06-30", "end: 2026-03-20").replace(
            "  handling_time: {role: success, mde: \"10%\"}\n",
            "  handling_time: {role: success, mde: \"10%\"}\n  fte: {role: success, column: fte, direction: higher_is_better, mde: 0.1, maturity_days: 5}\n"));
        Path out = tmp.resolve("out");

        assertThat(TinyRuns.run(pilots, data, out, "2026-03-22")).isZero();
        assertThat(SampleRun.json(out.resolve("decisions/small.json")).path("health").findValuesAsText("code"))
            .as("after the end, before the freeze on 25 March").contains("values_not_numbers");

        assertThat(TinyRuns.run(pilots, data, out, TinyRuns.NEWEST)).isZero();
        JsonNode doc = SampleRun.json(out.resolve("decisions/small.json"));
        assertThat(doc.path("analysis").asText()).isEqualTo("final");
        assertThat(doc.path("health").findValuesAsText("code")).as("frozen").doesNotContain("values_not_numbers");
    }
}
