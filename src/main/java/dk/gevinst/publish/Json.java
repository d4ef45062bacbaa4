package dk.gevinst.publish;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The project's JSON conventions: ISO dates, sorted map keys, and no NaN (null instead: JSON has none). Numbers are read
 * with Jackson's fast double parser (the same correctly rounded doubles as Double.parseDouble): a night reads every
 * decision document twice, and with 200 pilots that was about half of the reading.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .build();

    private Json() {}

    public static void put(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) node.put(field, value);
        else node.putNull(field);
    }

    public static void put(ObjectNode node, String field, Double value) {
        if (value == null) node.putNull(field);
        else put(node, field, value.doubleValue());
    }
}
