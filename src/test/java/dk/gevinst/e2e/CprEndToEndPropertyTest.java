package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cli.Main;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property-style, end to end: random text with CPR numbers in every format goes into every kind of text
 * column of cases and surveys, the whole run happens through the CLI, and then every file it wrote
 * (published outputs and internal state, every Parquet string) is searched for the planted digits.
 */
class CprEndToEndPropertyTest {
    private static final String[] WORDS = {"Borger", "ringede", "cpr", "nr.", "ref:", "æøå", "(", ")", "sag", "vedr.", "tlf. 12345678"};

    @Test
    void noPlantedCprNumberReachesAnyOutput(@TempDir Path tmp) throws Exception {
        SplittableRandom r = new SplittableRandom(20260101);
        List<String> planted = new ArrayList<>();
        StringBuilder cases = new StringBuilder("case_id,unit,case_type,opened_at,decided_at,handling_minutes,caseworker_id,citizen_id,note\n");
        for (int i = 0; i < 400; i++) {
            String unit = i % 2 == 0 ? "A" : "B";
            String month = i < 200 ? "01" : "03";
            String day = String.format("%02d", 5 + i % 20);
            cases.append("C").append(i).append(i % 7 == 0 ? " " + text(r, planted) : "").append(',').append(unit).append(",\"")
                .append(text(r, planted)).append("\",2026-").append(month).append('-').append(day).append(",2026-").append(month).append('-')
                .append(day).append("T15:00,").append(20 + r.nextInt(40)).append(',').append(cpr(r, planted)).append(',').append(cpr(r, planted))
                .append(",\"").append(text(r, planted)).append("\"\n");
        }
        TempDirs.write(tmp, "data/cases/cases.csv", cases.toString());
        // CPR numbers outside values: in a file name, a header and a JSON key.
        TempDirs.write(tmp, "data/cases/export-240190-2222.csv", "case_id,unit,opened_at,cpr_010190-1234_hdr\nX1,A,2026-01-05,x\nX2,,2026-01-05,y\n");
        TempDirs.write(tmp, "data/cases/more.jsonl", "{\"case_id\":\"J1\",\"unit\":\"B\",\"opened_at\":\"2026-01-06\",\"270190-7777\":\"z\"}\n");
        planted.addAll(List.of("2401902222", "0101901234", "2701907777"));
        StringBuilder survey = new StringBuilder("response_id;respondent_id;unit;answered_at;instrument;item;score;comment\n");
        for (int i = 0; i < 60; i++) {
            survey.append("R").append(i).append(';').append(cpr(r, planted)).append(';').append(i % 2 == 0 ? "A" : "B").append(";2026-03-10;trivsel;1;4;\"")
                .append(text(r, planted)).append("\"\n");
        }
        TempDirs.write(tmp, "data/survey_responses/s.csv", survey.toString());
        TempDirs.write(tmp, "pilots/p.yaml", """
            id: p
            title: "P"
            start: 2026-03-02
            end: 2026-03-31
            baseline_start: 2026-01-05
            arms: {pilot: [A], control: [B]}
            indicators:
              handling_time: {role: success, mde: "10%"}
              trivsel: {role: descriptive, instrument: trivsel, direction: higher_is_better}
            decision: {min_cases: 10}
            """);
        TestSpark.session();
        int exit = Main.execute("run", "--pilots", tmp.resolve("pilots").toString(), "--data", tmp.resolve("data").toString(),
            "--out", tmp.resolve("out").toString(), "--as-of", "2026-03-28", "--demo-key");
        assertThat(exit).isZero();
        assertThat(planted).hasSizeGreaterThan(1000);

        StringBuilder everything = new StringBuilder();
        try (var paths = Files.walk(tmp.resolve("out"))) {
            paths.forEach(p -> everything.append(tmp.resolve("out").relativize(p)).append('\n'));
        }
        for (Path f : SampleRun.files(tmp.resolve("out"))) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".parquet") && !name.equals("echarts.min.js")) everything.append(Files.readString(f, StandardCharsets.UTF_8));
        }
        for (String table : List.of("_state/cases", "_state/survey_responses", "_state/file_rules", "tables/quarantine", "tables/decisions")) {
            if (!dk.gevinst.spark.Tables.exists(TestSpark.session(), dk.gevinst.storage.Storage.resolve(tmp.resolve("out").resolve(table).toString()))) continue;
            var df = TestSpark.session().read().parquet(tmp.resolve("out").resolve(table).toString());
            List<String> strings = new ArrayList<>();
            for (StructField f : df.schema().fields()) if (f.dataType().equals(DataTypes.StringType)) strings.add(f.name());
            for (Row row : df.selectExpr(strings.toArray(String[]::new)).collectAsList()) {
                for (int i = 0; i < row.length(); i++) if (!row.isNullAt(i)) everything.append(row.getString(i)).append('\n');
            }
            if (df.columns().length > 0 && java.util.Arrays.asList(df.columns()).contains("extra")) {
                for (Row row : df.selectExpr("to_json(extra)").collectAsList()) everything.append(row.getString(0)).append('\n');
            }
        }
        String digits = everything.toString().replaceAll("[^0-9]", " ");
        for (String p : planted) assertThat(digits).doesNotContain(p);
        assertThat(everything.toString()).contains("######-####");
    }

    private static String cpr(SplittableRandom r, List<String> planted) {
        int year = r.nextInt(0, 100), month = r.nextInt(1, 13);
        int day = r.nextInt(1, YearMonth.of(2000 + year, month).lengthOfMonth() + 1);
        String date = String.format("%02d%02d%02d", day, month, year), serial = String.format("%04d", r.nextInt(10000));
        planted.add(date + serial);
        return switch (r.nextInt(3)) {
            case 0 -> date + "-" + serial;
            case 1 -> date + serial;
            default -> date + " " + serial;
        };
    }

    private static String text(SplittableRandom r, List<String> planted) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 1 + r.nextInt(3); k++) b.append(WORDS[r.nextInt(WORDS.length)]).append(' ').append(cpr(r, planted)).append(' ');
        return b.toString().trim();
    }
}
