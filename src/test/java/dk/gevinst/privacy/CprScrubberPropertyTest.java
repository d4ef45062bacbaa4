package dk.gevinst.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.StateTables;
import dk.gevinst.ingest.IngestRequest;
import dk.gevinst.ingest.IngestResult;
import dk.gevinst.ingest.PlausibilityBounds;
import dk.gevinst.ingest.SparkIngest;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import dk.gevinst.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Property-style: random text with CPR numbers embedded in every format; none may survive ingest. */
class CprScrubberPropertyTest {
    private static final String[] FILLER = {"Borger ", "cpr:", "CPR nr. ", "(", "ref=", "sag ", "tlf. 12345678 ", "", " ", "\"", "æøå "};
    private static final SplittableRandom SEEDS = new SplittableRandom(1994);

    static String cpr(SplittableRandom r, StringBuilder digitsOut) {
        int year = r.nextInt(0, 100), month = r.nextInt(1, 13);
        int day = r.nextInt(1, YearMonth.of(2000 + year, month).lengthOfMonth() + 1);
        String date = String.format("%02d%02d%02d", day, month, year);
        String serial = String.format("%04d", r.nextInt(10000));
        digitsOut.append(date).append(serial);
        return switch (r.nextInt(3)) {
            case 0 -> date + "-" + serial;
            case 1 -> date + serial;
            default -> date + " " + serial;
        };
    }

    /** One ingest of many random rows (the Spark job is what costs, not the rows). */
    @Test
    void noCprNumberSurvivesIngestInAnyTextColumn(@TempDir Path tmp) throws Exception {
        SplittableRandom r = SEEDS.split();
        List<String> planted = new ArrayList<>();
        StringBuilder csv = new StringBuilder("case_id,unit,case_type,opened_at,citizen_id,free_text\n");
        for (int line = 2; line < 1002; line++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 1 + r.nextInt(3); k++) {
                StringBuilder digits = new StringBuilder();
                // Text always separates numbers somehow; two numbers glued into one 20-digit run are not CPR numbers.
                text.append(FILLER[r.nextInt(FILLER.length)]).append(cpr(r, digits)).append(r.nextBoolean() ? " " : ", ").append(FILLER[r.nextInt(FILLER.length)]);
                planted.add(digits.toString());
            }
            String t = text.toString().replace("\"", "\"\"");
            csv.append("C").append(line).append(r.nextBoolean() ? " " + text.toString().replace("\"", "").replace(",", " ") : "").append(",Ydelse Nord,\"").append(t)
                .append("\",2026-03-02,").append(planted.get(planted.size() - 1)).append(",\"Note: ").append(t).append("\"\n");
        }
        Files.createDirectories(tmp.resolve("data/cases"));
        Files.writeString(tmp.resolve("data/cases/c.csv"), csv.toString());
        var state = Storage.resolve(tmp.resolve("state").toString());
        IngestResult result = new SparkIngest().ingest(TestSpark.session(), new IngestRequest(Storage.resolve(tmp.resolve("data").toString()), state,
            PlausibilityBounds.DEFAULTS, Pseudonymizer.demo(), "r1", LocalDate.parse("2026-03-31")));
        assertThat(result.counts().get(Source.CASES).rowsAccepted()).isEqualTo(1000);
        assertThat(result.cprMasked()).containsEntry("cases.case_type", 1000L).containsEntry("cases.free_text", 1000L);
        List<String> texts = new ArrayList<>();
        for (Row row : StateTables.read(TestSpark.session(), state, Source.CASES).selectExpr("case_id", "unit", "case_type", "caseworker_id",
                "to_json(extra)").collectAsList()) {
            for (int i = 0; i < row.length(); i++) if (!row.isNullAt(i)) texts.add(row.getString(i));
        }
        for (String s : texts) {
            assertThat(CprScrubber.containsCpr(s)).as(s).isFalse();
            String digitsOnly = s.replaceAll("[^0-9]", "");
            for (String p : planted) assertThat(digitsOnly).doesNotContain(p);
        }
    }

    @Test
    void theSparkExpressionMasksExactlyAsTheDriverDoes() {
        SplittableRandom r = SEEDS.split();
        List<String> texts = new ArrayList<>(List.of("290200-1234", "290201-1234", "320190-1234", "12345678901", "a 010190-1234 b 0202901234"));
        for (int i = 0; i < 500; i++) {
            StringBuilder digits = new StringBuilder();
            texts.add(FILLER[r.nextInt(FILLER.length)] + cpr(r, digits) + r.nextInt(100) + " " + String.format("%010d", r.nextLong(10_000_000_000L)));
        }
        List<String> spark = TestSpark.session().createDataset(texts, Encoders.STRING()).toDF("t")
            .select(CprScrubber.mask(org.apache.spark.sql.functions.col("t"))).as(Encoders.STRING()).collectAsList();
        for (int i = 0; i < texts.size(); i++) assertThat(spark.get(i)).as(texts.get(i)).isEqualTo(CprScrubber.mask(texts.get(i)));
    }

    @Test
    void onlyRealCalendarDatesCount() {
        assertThat(CprScrubber.containsCpr("290200-1234")).isTrue();
        assertThat(CprScrubber.containsCpr("290201-1234")).as("no 29 February in 2001 or 1901").isFalse();
        assertThat(CprScrubber.containsCpr("320190-1234")).isFalse();
        assertThat(CprScrubber.containsCpr("011390-1234")).isFalse();
        assertThat(CprScrubber.containsCpr("12345678901")).as("eleven digits is not a CPR number").isFalse();
        assertThat(CprScrubber.containsCpr("tlf. 12345678")).isFalse();
        assertThat(CprScrubber.mask("a 010190-1234 b 0202901234")).isEqualTo("a " + CprScrubber.MASK + " b " + CprScrubber.MASK);
    }

    @Test
    void pseudonymsAreKeyedStableAndNotAPlainHash() throws Exception {
        Pseudonymizer a = new Pseudonymizer("a-key-of-sixteen-bytes".getBytes());
        Pseudonymizer b = new Pseudonymizer("another-key-sixteen-b".getBytes());
        assertThat(a.pseudonym("010190-1234")).isEqualTo(a.pseudonym(" 010190-1234 ")).isNotEqualTo(b.pseudonym("010190-1234"))
            .doesNotContain("010190");
        byte[] plain = java.security.MessageDigest.getInstance("SHA-256").digest("010190-1234".getBytes());
        assertThat(a.pseudonym("010190-1234")).doesNotContain(java.util.HexFormat.of().formatHex(plain, 0, 8));
        assertThat(a.pseudonym("")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Pseudonymizer("short".getBytes()))
            .hasMessageContaining("at least 16 bytes");
    }

    @Test
    void smallCellsAreSuppressedWithTheirComplement() {
        assertThat(SmallCells.suppress(List.of(12L, 3L, 20L, 7L))).containsExactlyInAnyOrder(1, 3);
        assertThat(SmallCells.suppress(List.of(12L, 3L, 4L, 20L))).containsExactlyInAnyOrder(1, 2);
        assertThat(SmallCells.suppress(List.of(12L, 0L, 20L))).isEmpty();
        assertThat(SmallCells.suppress(List.of(5L, 5L))).isEmpty();
    }
}
