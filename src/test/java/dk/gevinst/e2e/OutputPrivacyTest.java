package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.dashboard.PortfolioCsv;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * Nothing personal leaves the sample run: every file it writes (JSON, HTML, CSV, manifests, every Parquet
 * string), and every log line of the test JVM, is scanned for the sample's raw person IDs and CPR numbers.
 */
class OutputPrivacyTest {
    private static final Pattern RAW_PERSON = Pattern.compile("kw-[a-z]{3}-[0-9]{2}");
    private static final Pattern CPR_IN_SAMPLE = Pattern.compile("(?<![0-9])[0-3][0-9][01][0-9][0-9]{2}-[0-9]{4}(?![0-9])");
    private static final Pattern CPR_SHAPE = Pattern.compile("[0-3][0-9][01][0-9][0-9]{2}-[0-9]{4}");

    /** The raw CPR numbers and person IDs that the committed sample contains. */
    private static Set<String> rawValues() throws Exception {
        Set<String> raw = new HashSet<>();
        for (Path f : SampleRun.files(Repo.root().resolve("data-samples"))) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (Pattern p : List.of(RAW_PERSON, CPR_IN_SAMPLE)) {
                Matcher m = p.matcher(text);
                while (m.find()) raw.add(m.group());
            }
        }
        return raw;
    }

    @Test
    void noRawIdOrCprNumberInAnyOutputOrLog() throws Exception {
        Set<String> raw = rawValues();
        assertThat(raw).as("the sample must contain raw IDs for this test to mean anything").hasSizeGreaterThan(1000);
        Path out = SampleRun.out();
        List<String> texts = new ArrayList<>();
        for (Path f : SampleRun.files(out)) {
            String name = f.getFileName().toString();
            if (name.endsWith(".parquet") || name.endsWith(".crc") || name.equals("echarts.min.js")) continue;
            // Binary state (the kept drift fits: numbers only) is read byte for byte, so text hidden in it would still show.
            texts.add(f + "\n" + Files.readString(f, name.endsWith(".bin") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
        for (Path table : parquetTables(out)) {
            var df = TestSpark.session().read().parquet(table.toString());
            List<String> stringColumns = new ArrayList<>();
            for (StructField f : df.schema().fields()) if (f.dataType().equals(DataTypes.StringType)) stringColumns.add(f.name());
            if (stringColumns.isEmpty()) continue;
            StringBuilder b = new StringBuilder(table.toString()).append('\n');
            for (Row r : df.selectExpr(stringColumns.toArray(String[]::new)).collectAsList()) {
                for (int i = 0; i < r.length(); i++) if (!r.isNullAt(i)) b.append(r.getString(i)).append('\n');
            }
            texts.add(b.toString());
        }
        Path log = Repo.root().resolve("target/test-logs/gevinst-test.log");
        assertThat(log).exists();
        texts.add(Files.readString(log));
        assertThat(texts.size()).isGreaterThan(20);
        String someCpr = raw.stream().filter(v -> CPR_SHAPE.matcher(v).matches()).sorted().findFirst().orElseThrow();
        assertThat(rawValueIn("planted\n12" + someCpr + "34", raw)).as("the search finds a raw value between digits").isEqualTo(someCpr);
        for (String text : texts) {
            assertThat(RAW_PERSON.matcher(text).find()).as(text.substring(0, text.indexOf('\n'))).isFalse();
            assertThat(CPR_IN_SAMPLE.matcher(text).find()).as(text.substring(0, text.indexOf('\n'))).isFalse();
            String found = rawValueIn(text, raw);
            if (found != null) throw new AssertionError("raw value " + found + " in " + text.substring(0, text.indexOf('\n')));
        }
    }

    @Test
    void publishedOutputsHaveNoPerCaseworkerColumnAtAll() throws Exception {
        Path out = SampleRun.out();
        for (Path table : parquetTables(out.resolve("tables"))) {
            assertThat(TestSpark.session().read().parquet(table.toString()).columns())
                .doesNotContain("caseworker_id", "respondent_id", "user_id", "citizen_id");
        }
        for (Path f : SampleRun.files(out.resolve("decisions"))) {
            assertThat(Files.readString(f)).doesNotContain("caseworker").doesNotContain("respondent_id").doesNotContain("user_id");
        }
    }

    @Test
    void outputsAreNotWorldReadable() throws Exception {
        Path out = SampleRun.out();
        List<Path> all = new ArrayList<>(SampleRun.files(out));
        try (var dirs = Files.walk(out)) {
            dirs.filter(Files::isDirectory).forEach(all::add);
        }
        for (Path p : all) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            assertThat(perms).as(p.toString()).doesNotContain(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        }
    }

    @Test
    void noFigureFromFewerThanFivePersonsIsPublished() throws Exception {
        int suppressedSeen = 0, personCellsSeen = 0;
        for (String pilot : List.of("sagsoverblik", "datalake", "chatbot")) {
            for (var ind : SampleRun.decision(pilot).path("indicators")) {
                if (!List.of("survey_responses", "usage").contains(ind.path("source").asText())) continue;
                for (var cell : (Iterable<com.fasterxml.jackson.databind.JsonNode>) () -> ind.path("cells").elements()) {
                    personCellsSeen++;
                    if (cell.path("suppressed").asBoolean()) {
                        suppressedSeen++;
                        assertThat(cell.has("mean") || cell.has("n")).isFalse();
                    } else {
                        assertThat(cell.path("n").asLong()).as(pilot + " " + ind.path("id").asText()).matches(n -> n == 0 || n >= 5, "0 or at least 5");
                    }
                }
                for (var week : ind.path("trend")) {
                    for (String arm : List.of("pilot_n", "control_n")) {
                        if (week.path(arm).isNumber()) assertThat(week.path(arm).asLong()).matches(n -> n == 0 || n >= 5, "0 or at least 5");
                        if (week.path(arm.replace("_n", "_suppressed")).asBoolean()) suppressedSeen++;
                    }
                }
            }
        }
        assertThat(personCellsSeen).isGreaterThan(10);
        assertThat(suppressedSeen).as("the sample has small survey weeks, so suppression must show").isPositive();
        var cells = TestSpark.session().read().parquet(SampleRun.out().resolve("tables/cell_stats").toString());
        assertThat(cells.filter("indicator = 'sus' and suppressed").count()).isPositive();
        assertThat(cells.filter("indicator in ('sus', 'core_task_score', 'preference', 'adoption') and n < 5").count()).isZero();
    }

    @Test
    void csvExportsNeutraliseFormulas() throws Exception {
        assertThat(PortfolioCsv.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(PortfolioCsv.neutralise("+1")).isEqualTo("'+1");
        assertThat(PortfolioCsv.neutralise("-2")).isEqualTo("'-2");
        assertThat(PortfolioCsv.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(PortfolioCsv.neutralise("Sagsoverblik")).isEqualTo("Sagsoverblik");
        String csv = Files.readString(SampleRun.out().resolve("dashboard/decisions.csv"));
        assertThat(csv).startsWith("\uFEFF").contains("sagsoverblik;GO");
    }

    /**
     * A raw value in the text, or null. Every raw value has one of the two shapes, so finding each shape anywhere
     * (overlaps included, digits around it allowed) and looking it up is the same check as searching the text once
     * per raw value, without the thousands of passes over every text.
     */
    private static String rawValueIn(String text, Set<String> raw) {
        for (Pattern shape : List.of(RAW_PERSON, CPR_SHAPE)) {
            Matcher m = shape.matcher(text);
            for (int from = 0; from < text.length() && m.find(from); from = m.start() + 1) {
                if (raw.contains(m.group())) return m.group();
            }
        }
        return null;
    }

    private static List<Path> parquetTables(Path root) throws Exception {
        List<Path> tables = new ArrayList<>();
        try (var s = Files.walk(root)) {
            s.filter(Files::isDirectory).filter(d -> {
                try (var c = Files.list(d)) {
                    return c.anyMatch(x -> Files.isDirectory(x) && x.getFileName().toString().contains("="))
                        && !d.getFileName().toString().contains("=");
                } catch (Exception e) {
                    return false;
                }
            }).forEach(tables::add);
        }
        return tables;
    }
}
