package dk.gevinst.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes a spec or config file strictly as UTF-8. A lenient decode would turn a Latin-1 "ø" into U+FFFD and let
 * the spec run with a mangled title or unit name; a file that really holds U+FFFD is valid UTF-8 and passes.
 */
public final class SpecText {
    private SpecText() {}

    /** The text, or an exception naming the line and column of the first byte that is not UTF-8. */
    public static String decode(String file, byte[] bytes) throws InvalidSpecException {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) throw notUtf8(file, bytes, start, in.position());
        result = decoder.flush(out);
        if (result.isError()) throw notUtf8(file, bytes, start, in.position());
        return out.flip().toString();
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static InvalidSpecException notUtf8(String file, byte[] bytes, int start, int badAt) {
        // Everything before badAt decoded, so line and column are counted in characters of that prefix.
        String before;
        try {
            before = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, badAt - start)).toString();
        } catch (CharacterCodingException e) {
            before = "";
        }
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        return new InvalidSpecException(List.of(new Problem(file, line, column,
            "the file is not UTF-8 here (bytes of another encoding, e.g. Latin-1); save the spec as UTF-8",
            "filen er ikke UTF-8 her (byte i en anden tegnkodning, f.eks. Latin-1); gem specifikationen som UTF-8")));
    }
}
