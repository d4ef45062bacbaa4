package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.btrim;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.testing.TempDirs;
import dk.gevinst.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON keys are normalised once per distinct key in a task (JsonKeys), with the result Spark's own expressions gave. */
class JsonKeysTest {
    private final SparkSession spark = TestSpark.session();

    @Test
    void aKeyNormalisesAsSparksLowerTrimAndMaskDid() {
        // Awkward on purpose: a tab and line ends (trimmed, as in a CSV header), letters whose lower case
        // differs between ICU and Java or needs context (dotted I, final sigma), BOMs, a CPR number in a key.
        List<String> keys = List.of(" Unit ", "\uFEFFCase_ID", "\tUnit", "reopened\t", "\r\nAppealed\n", "ÆØÅ Enhed", "İSTANBUL", "ΟΔΟΣ ΣΑΣ",
            "Ǆ", "ẞ", "note 010190-1234", "CPR 0101901234x", " \uFEFF Reopened\uFEFF ", "", "   ", "\u00A0unit");
        // What Java's trim removes, as Spark's btrim is told it: every character up to a space.
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c <= ' '; c++) controls.append(c);
        List<String> spark1 = spark.createDataset(keys, Encoders.STRING())
            .select(CprScrubber.mask(lower(btrim(regexp_replace(col("value"), "\uFEFF", ""), lit(controls.toString())))))
            .as(Encoders.STRING()).collectAsList();
        List<String> spark2 = spark.createDataset(keys, Encoders.STRING()).select(JsonKeys.normalised(col("value")))
            .as(Encoders.STRING()).collectAsList();
        List<String> driver = new ArrayList<>();
        keys.forEach(k -> driver.add(JsonKeys.normalise(k)));
        assertThat(spark2).isEqualTo(spark1);
        assertThat(driver).isEqualTo(spark1);
        assertThat(spark1.get(10)).isEqualTo("note ######-####");
        assertThat(driver.subList(2, 5)).as("as a CSV header is trimmed").containsExactly("unit", "reopened", "appealed");
        assertThat(driver.get(15)).as("a no-break space is not trimmed, in a header either").isEqualTo("\u00A0unit");
    }

    @Test
    void lowerCasingKeysLeavesSparksCodePointTableUnbuilt() throws Exception {
        // In a JVM of its own, as a night's first task is: in this one other tests have called Spark's lower, whose
        // class (CollationAwareUTF8String) builds a title-case table of every code point when first used, 1.4 s.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class"));
        command.addAll(List.of(Files.readString(Path.of("target", "jvm-options")).trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JsonKeysProbe.class.getName(), " Unit ", "M\u00C5NED", "\u0130L"));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor()).as(out).isZero();
        assertThat(out).contains("normalised: unit m\u00E5ned " + JsonKeys.normalise("\u0130L"))
            .contains("com.ibm.icu.lang.UCharacter").doesNotContain("CollationAwareUTF8String");
    }

    @Test
    void keysSpelledDifferentlyAcrossRecordsReadAlikeAndAMaskedKeyCountsPerRecord(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/k.jsonl", """
            {"case_id":"A","Unit":"Nord","opened_at":"2026-03-02","Team":"x"}
            {"CASE_ID":"B"," unit ":"Syd","Opened_At":"2026-03-02","team ":"y","010190-1234":"z"}
            {" Case_Id":"C","UNIT":"Vest","opened_at ":"2026-03-03","TEAM":"w","0101901234":"v"}
            {"case_id":"D","unit":"Øst","\uFEFFopened_at":"2026-03-04"}
            {"case_id":"E","unit\\t":"Nord","opened_at":"2026-03-05","reopened\\t":"ja"}
            """);
        IngestResult r = f.ingest("r1");

        assertThat(r.counts().get(Source.CASES).rowsAccepted()).isEqualTo(5);
        List<Row> stored = f.stored(Source.CASES);
        assertThat(stored).extracting(row -> row.<String>getAs(Columns.CASE_ID) + ":" + row.getAs(Columns.UNIT))
            .containsExactlyInAnyOrder("A:Nord", "B:Syd", "C:Vest", "D:Øst", "E:Nord");
        // A key with a tab after it is the column, as a CSV header with one is: the case was reopened.
        assertThat(stored).filteredOn(row -> "E".equals(row.getAs(Columns.CASE_ID))).extracting(row -> row.<Boolean>getAs(Columns.REOPENED))
            .containsExactly(true);
        assertThat(stored).extracting(row -> row.<scala.collection.Map<String, String>>getAs(Columns.EXTRA).get("team").getOrElse(() -> null))
            .as("text in an extra column is kept only as having been there").containsExactlyInAnyOrder("<text>", "<text>", "<text>", null, null);
        // Two records had a CPR-shaped key; each is counted, although the task normalised the key text once per spelling.
        assertThat(r.cprMasked()).containsEntry("cases.column_names", 2L);
        assertThat(stored.toString()).doesNotContain("010190").doesNotContain("0101901234").contains("######-####");
    }
}
