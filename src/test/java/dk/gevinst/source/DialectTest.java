package dk.gevinst.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The dialect a text export is read with, decided from its first bytes. */
class DialectTest {
    private static FileDialect csv(byte[] head) {
        return FileDialect.detect(FileFormat.CSV, head);
    }

    @Test
    void detectsDelimiterAndHeaderNames() {
        FileDialect comma = csv("Case_ID, unit ,opened_at\nc1,U,2026-01-01\n".getBytes(StandardCharsets.UTF_8));
        assertThat(comma.delimiter()).isEqualTo(',');
        assertThat(comma.decimalComma()).isFalse();
        assertThat(comma.header()).containsExactly("case_id", "unit", "opened_at");
        assertThat(csv("\uFEFFcase_id;unit;\"odd;name\"\n".getBytes(StandardCharsets.UTF_8)).header()).containsExactly("case_id", "unit", "odd;name");
    }

    @Test
    void theNumbersInTheFirstLinesDecideTheDecimalMarkOfASemicolonFile() {
        assertThat(csv("a;handling_minutes\nx;12,5\n".getBytes(StandardCharsets.UTF_8)).decimalComma()).isTrue();
        assertThat(csv("a;handling_minutes\nx;1.234\n".getBytes(StandardCharsets.UTF_8)).decimalComma()).as("1.234 groups thousands").isTrue();
        assertThat(csv("a;handling_minutes\nx;12.5\n".getBytes(StandardCharsets.UTF_8)).decimalComma()).as("12.5 cannot group thousands").isFalse();
        assertThat(csv("a;handling_minutes\nx;12.5\ny;7,25\n".getBytes(StandardCharsets.UTF_8)).decimalComma()).isTrue();
        assertThat(csv("a;b\nx;y\n".getBytes(StandardCharsets.UTF_8)).decimalComma()).as("a Danish export by default").isTrue();
    }

    @Test
    void encodingsFromTheBytes() {
        assertThat(csv("unit\nØst\n".getBytes(TextDecoding.WINDOWS_1252)).encoding()).isEqualTo(FileDialect.Encoding.UTF8_OR_WINDOWS_1252);
        assertThat(csv("\uFEFFunit,x\n".getBytes(StandardCharsets.UTF_16LE)).encoding()).isEqualTo(FileDialect.Encoding.UTF16LE);
        assertThat(csv("\uFEFFunit,x\n".getBytes(StandardCharsets.UTF_16BE)).encoding()).isEqualTo(FileDialect.Encoding.UTF16BE);
        assertThat(csv("unit,x\n".getBytes(StandardCharsets.UTF_16LE)).encoding()).as("UTF-16 without a mark").isEqualTo(FileDialect.Encoding.UTF16LE);
        assertThat(csv("\uFEFFunit,Øst\n".getBytes(StandardCharsets.UTF_16LE)).header()).containsExactly("unit", "øst");
    }

    @Test
    void eachLineIsUtf8IfItCanBeElseWindows1252() {
        byte[] utf8 = "Jobcenter Øst – Æblevej".getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = "Jobcenter Øst – Æblevej".getBytes(TextDecoding.WINDOWS_1252);
        assertThat(TextDecoding.decodeLine(utf8, 0, utf8.length)).isEqualTo("Jobcenter Øst – Æblevej");
        assertThat(TextDecoding.decodeLine(cp1252, 0, cp1252.length)).isEqualTo("Jobcenter Øst – Æblevej");
    }

    @Test
    void jsonLinesNameTheirColumnsByTheFirstObjectsKeys() {
        FileDialect d = FileDialect.detect(FileFormat.JSONL, "{oops\n{\"Case_ID\":\"c1\",\"270190-7777\":1}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(d.header()).containsExactly("case_id", "######-####");
    }
}
