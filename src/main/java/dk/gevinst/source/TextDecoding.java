package dk.gevinst.source;

import static org.apache.spark.sql.functions.decode;
import static org.apache.spark.sql.functions.is_valid_utf8;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.when;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Decodes export text line by line: a line that is valid UTF-8 is UTF-8, any other line is Windows-1252
 * (what Danish Excel writes). Deciding per line needs no look at the whole file, and strict decoding
 * matters: lenient UTF-8 would turn a 1252 'æ' into a replacement character.
 */
public final class TextDecoding {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Where Windows-1252 differs from ISO-8859-1: bytes 0x80 to 0x9F (€, curly quotes, dashes, ...). */
    private static final String LATIN1_C1;
    private static final String WINDOWS_1252_C1;

    static {
        StringBuilder from = new StringBuilder(), to = new StringBuilder();
        for (int b = 0x80; b <= 0x9F; b++) {
            from.append((char) b);
            to.append(new String(new byte[] {(byte) b}, WINDOWS_1252).charAt(0));
        }
        LATIN1_C1 = from.toString();
        WINDOWS_1252_C1 = to.toString();
    }

    private TextDecoding() {}

    /** One line's bytes as text: strict UTF-8, else Windows-1252. */
    public static String decodeLine(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, WINDOWS_1252);
        }
    }

    /**
     * The same rule as a Spark expression over a line read as raw bytes (Spark's text reader keeps invalid
     * UTF-8 bytes as they are). Spark 4 decodes only a few charsets, Windows-1252 not among them, so a
     * non-UTF-8 line is decoded as ISO-8859-1 and its 32 differing characters are translated.
     */
    public static Column utf8OrWindows1252(Column rawLine) {
        Column latin1 = decode(rawLine.cast(DataTypes.BinaryType), "ISO-8859-1");
        return when(is_valid_utf8(rawLine), rawLine)
            .otherwise(translate(latin1, LATIN1_C1, WINDOWS_1252_C1));
    }
}
