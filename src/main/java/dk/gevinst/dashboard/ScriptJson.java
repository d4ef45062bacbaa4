package dk.gevinst.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * Chart data for a {@code <script type="application/json">} block. A template writes it with ${…}; jte
 * would escape a plain String there for a JavaScript string literal (which would break JSON.parse), so
 * the data comes as this Content, whose escaping fits the context: Jackson writes '<', '>', '&', U+2028
 * and U+2029 as \\u escapes, so no value can close the script element or start a comment in it, and
 * JSON.parse reads the same values back.
 */
public final class ScriptJson implements Content {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
    }

    private final String json;

    public ScriptJson(JsonNode node) {
        try {
            this.json = MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(json);
    }

    @Override
    public String toString() {
        return json;
    }

    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] table = CharacterEscapes.standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            table['<'] = CharacterEscapes.ESCAPE_STANDARD;
            table['>'] = CharacterEscapes.ESCAPE_STANDARD;
            table['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) return new SerializedString("\\u2028");
            if (ch == 0x2029) return new SerializedString("\\u2029");
            return null;
        }
    }
}
