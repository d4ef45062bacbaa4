package dk.gevinst.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecTextTest {
    @Test
    void aLatin1ByteIsReportedAtItsLineAndColumn() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("id: tunnel\ntitle: Sagsoverblik i Jobcenter Nord\nowner: Bj".getBytes(StandardCharsets.UTF_8));
        b.write(0xF8); // "ø" in Latin-1
        b.writeBytes("rn\n".getBytes(StandardCharsets.UTF_8));

        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> SpecText.decode("p.yaml", b.toByteArray()));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(10);
            assertThat(p.message()).contains("not UTF-8", "save the spec as UTF-8");
        });
        assertThat(e.getMessage()).startsWith("p.yaml:3:10");
    }

    @Test
    void aFileThatReallyHoldsTheReplacementCharacterIsValidUtf8() throws Exception {
        String text = "title: \"Vurdering \uFFFD markeret\"\nowner: Bjørn\n";
        assertThat(SpecText.decode("p.yaml", text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void aByteOrderMarkIsDropped() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bom);
        b.writeBytes("id: ø\n".getBytes(StandardCharsets.UTF_8));
        assertThat(SpecText.decode("p.yaml", b.toByteArray())).isEqualTo("id: ø\n");
    }

    @Test
    void aTruncatedMultiByteCharacterAtTheEndIsNotUtf8() {
        byte[] cut = {'i', 'd', ':', ' ', (byte) 0xC3};
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> SpecText.decode("p.yaml", cut));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.column()).isEqualTo(5));
    }
}
