package dk.gevinst.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectTest {
    @Test
    void detectsTheDelimiterFromTheHeader() {
        assertThat(CsvDialect.detect("case_id,unit,opened_at")).isEqualTo(CsvDialect.COMMA);
        assertThat(CsvDialect.detect("case_id;unit;opened_at")).isEqualTo(CsvDialect.SEMICOLON);
        assertThat(CsvDialect.SEMICOLON.decimalComma()).isTrue();
        assertThat(CsvDialect.COMMA.decimalComma()).isFalse();
    }

    @Test
    void decodesUtf8WithAndWithoutBomAndWindows1252() {
        String text = "unit\nJobcenter Øst – Ressourceforløb, Æblevej\n";
        assertThat(TextDecoding.decode(text.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoding.decode(bom).text()).isEqualTo(text);
        TextDecoding.Decoded cp = TextDecoding.decode("unit\nJobcenter Øst, Ressourceforløb, Æblevej\n".getBytes(TextDecoding.WINDOWS_1252));
        assertThat(cp.charset()).isEqualTo(TextDecoding.WINDOWS_1252);
        assertThat(cp.text()).contains("Øst", "Ressourceforløb", "Æblevej").doesNotContain("\uFFFD");
    }

    @Test
    void semicolonFilesWithDecimalCommasAndQuotedFields() {
        List<RawRecord> r = RecordReaders.csv("case_id;unit;handling_minutes;note\r\nc1;Ydelse Nord;12,5;\"a; b\"\r\nc2;Ydelse Syd;1.234,5;x\r\n");
        assertThat(r).hasSize(2);
        assertThat(r.get(0).line()).isEqualTo(2);
        assertThat(r.get(0).fields()).containsEntry("note", "a; b").containsEntry("handling_minutes", "12,5");
        assertThat(ValueParser.number("12,5", true)).isEqualTo(12.5);
        assertThat(ValueParser.number("1.234,5", true)).isEqualTo(1234.5);
        assertThat(ValueParser.number("12.5", false)).isEqualTo(12.5);
        assertThat(ValueParser.number("ca. 30", true)).isNull();
    }

    @Test
    void keepsLineNumbersAcrossQuotedNewlinesAndFlagsWrongFieldCounts() {
        List<RawRecord> r = RecordReaders.csv("a,b\n1,\"two\nlines\"\n3,4,5\n6,7\n");
        assertThat(r).extracting(RawRecord::line).containsExactly(2L, 4L, 5L);
        assertThat(r.get(1).malformed()).contains("3 fields");
        assertThat(r.get(2).fields()).containsEntry("a", "6");
    }

    @Test
    void jsonLinesKeepTheirLineAndFlagBrokenLines() {
        List<RawRecord> r = RecordReaders.jsonLines("{\"Case_ID\": \"c1\", \"decided_at\": null}\n\n{broken\n[1]\n");
        assertThat(r.get(0).line()).isEqualTo(1);
        assertThat(r.get(0).fields()).containsEntry("case_id", "c1").containsEntry("decided_at", null);
        assertThat(r.get(1).line()).isEqualTo(3);
        assertThat(r.get(1).malformed()).isNotNull();
        assertThat(r.get(2).malformed()).isEqualTo("is not a JSON object");
    }

    @Test
    void parsesTheDateAndBooleanFormsExportsUse() {
        assertThat(ValueParser.timestamp("2026-03-02")).isEqualTo(LocalDateTime.of(2026, 3, 2, 0, 0));
        assertThat(ValueParser.timestamp("2026-03-02 09:15:00")).isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 15));
        assertThat(ValueParser.timestamp("2026-03-02T09:15:00+01:00")).isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 15));
        assertThat(ValueParser.timestamp("02-03-2026 09:15")).isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 15));
        assertThat(ValueParser.timestamp("2026-13-45")).isNull();
        assertThat(ValueParser.date("02.03.2026")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(ValueParser.bool("Ja")).isTrue();
        assertThat(ValueParser.bool("nej")).isFalse();
        assertThat(ValueParser.bool("1")).isTrue();
        assertThat(ValueParser.bool("måske")).isNull();
    }
}
