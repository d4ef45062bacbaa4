package dk.gevinst.ingest;

import dk.gevinst.source.FileDialect;
import dk.gevinst.source.TextDecoding;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * A text export as one character stream decoded line by line, as ingest decodes it (see TextDecoding), so
 * that a data file of any size is read without holding it whole. Each line ends with '\n' (a '\r' before
 * it is dropped) and byte order marks are removed.
 */
final class DecodedLines extends Reader {
    private final InputStream bytes;
    private final BufferedReader utf16;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String current = "";
    private int position;
    private boolean ended;

    DecodedLines(InputStream in, FileDialect.Encoding encoding) {
        this.bytes = new BufferedInputStream(in, 1 << 16);
        this.utf16 = switch (encoding) {
            case UTF16LE -> new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_16LE));
            case UTF16BE -> new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_16BE));
            case UTF8_OR_WINDOWS_1252 -> null;
        };
    }

    /** The next line without its line break, or null at the end. */
    String nextLine() throws IOException {
        String next = utf16 != null ? utf16.readLine() : nextByteLine();
        return next == null ? null : next.replace("\uFEFF", "");
    }

    private String nextByteLine() throws IOException {
        line.reset();
        int b;
        while ((b = bytes.read()) >= 0 && b != '\n') line.write(b);
        if (b < 0 && line.size() == 0) return null;
        byte[] raw = line.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        return TextDecoding.decodeLine(raw, 0, length);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) return 0;
        while (position >= current.length()) {
            if (ended) return -1;
            String next = nextLine();
            if (next == null) {
                ended = true;
                return -1;
            }
            current = next + "\n";
            position = 0;
        }
        int n = Math.min(length, current.length() - position);
        current.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }
}
