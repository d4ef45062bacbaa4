package dk.gevinst.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.ingest.FileValidation;
import dk.gevinst.ingest.PlausibilityBounds;
import dk.gevinst.ingest.RowValidator;
import dk.gevinst.ingest.ValidatedRow;
import dk.gevinst.source.RawRecord;
import dk.gevinst.source.Source;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

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

    @RepeatedTest(20)
    void noCprNumberSurvivesIngestInAnyTextColumn() {
        SplittableRandom r = SEEDS.split();
        List<RawRecord> records = new ArrayList<>();
        List<String> planted = new ArrayList<>();
        for (int line = 2; line < 52; line++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 1 + r.nextInt(3); k++) {
                StringBuilder digits = new StringBuilder();
                // Text always separates numbers somehow; two numbers glued into one 20-digit run are not CPR numbers.
                text.append(FILLER[r.nextInt(FILLER.length)]).append(cpr(r, digits)).append(r.nextBoolean() ? " " : ", ").append(FILLER[r.nextInt(FILLER.length)]);
                planted.add(digits.toString());
            }
            Map<String, String> f = new LinkedHashMap<>();
            f.put("case_id", "C" + line + (r.nextBoolean() ? " " + text : ""));
            f.put("unit", "Ydelse Nord");
            f.put("case_type", text.toString());
            f.put("opened_at", "2026-03-02");
            f.put("citizen_id", planted.get(planted.size() - 1));
            f.put("free_text", "Note: " + text);
            records.add(RawRecord.of(line, f));
        }
        List<ValidatedRow> rows = FileValidation.validate(new RowValidator(Source.CASES, PlausibilityBounds.DEFAULTS, Pseudonymizer.demo()), records, false);
        for (ValidatedRow row : rows) {
            List<String> texts = new ArrayList<>(row.extras().values());
            for (Object v : row.values()) if (v instanceof String s) texts.add(s);
            for (String s : texts) {
                assertThat(CprScrubber.containsCpr(s)).as(s).isFalse();
                String digitsOnly = s.replaceAll("[^0-9]", "");
                for (String p : planted) assertThat(digitsOnly).doesNotContain(p);
            }
            assertThat(row.cprMasked()).contains("case_type", "free_text");
        }
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
