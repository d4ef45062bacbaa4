package dk.gevinst.source;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.TestSpark;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Contract values as exports write them, parsed by the Spark expressions the ingest uses. */
class ValueColumnsTest {
    /** Each text through one expression, in order. */
    private static List<Object> parse(Function<Column, Column> f, String... texts) {
        List<Object> out = new ArrayList<>();
        for (Row r : TestSpark.session().createDataset(java.util.Arrays.asList(texts), Encoders.STRING()).toDF("t")
                .select(f.apply(ValueColumns.present(col("t")))).collectAsList()) {
            out.add(r.get(0));
        }
        return out;
    }

    @Test
    void danishNumbersAreReadAsDanesWriteThemAndAmbiguousOnesAreNotGuessed() {
        assertThat(parse(t -> ValueColumns.number(t, true), "12,5", "1.234", "1.234,5", "-3", "1234", "12.5", "1.23", "1,234.5", "ca. 30", "1e3"))
            .containsExactly(12.5, 1234.0, 1234.5, -3.0, 1234.0, null, null, null, null, null);
        assertThat(parse(t -> ValueColumns.number(t, false), "12.5", "-0", "1e3", ".5", "1,5", "12d", "NaN", "Infinity", "1e400", "0x10"))
            .containsExactly(12.5, -0.0, 1000.0, 0.5, null, null, null, null, null, null);
    }

    @Test
    void timestampsMustMatchTheirWholeShapeAndBeRealTimes() {
        assertThat(parse(ValueColumns::timestamp, "2026-03-02", "2026-03-02T09:15", "2026-03-02 09:15:00", "2026-03-02T09:15:00+01:00",
            "2026-03-02T09:15Z", "02-03-2026 09:15", "02.03.2026", "2/3/2026", "0001-01-01", "9999-12-31T23:59:59"))
            .containsExactly(LocalDateTime.of(2026, 3, 2, 0, 0), LocalDateTime.of(2026, 3, 2, 9, 15), LocalDateTime.of(2026, 3, 2, 9, 15),
                LocalDateTime.of(2026, 3, 2, 9, 15), LocalDateTime.of(2026, 3, 2, 9, 15), LocalDateTime.of(2026, 3, 2, 9, 15),
                LocalDateTime.of(2026, 3, 2, 0, 0), LocalDateTime.of(2026, 3, 2, 0, 0), LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59));
        assertThat(parse(ValueColumns::timestamp, "2026-06-01T25:61", "2026-06-01T09:15junk", "2026-06-01 trailing", "2026-13-45", "2026-02-30",
            "2026", "2026-06", "02-03.2026", "10000-01-01", "2026-06-01T24:00"))
            .as("out-of-range times and trailing text are bad values, never midnight").containsOnlyNulls();
        assertThat(parse(ValueColumns::date, "2026-03-02", "02.03.2026", "2026-03-02T09:15", "2026-03-02x"))
            .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), null);
    }

    @Test
    void integersBooleansAndBlanks() {
        assertThat(parse(t -> ValueColumns.integer(t, false), "3", "3.0", "3.5", "99999999999")).containsExactly(3, 3, null, null);
        assertThat(parse(ValueColumns::bool, "Ja", "nej", "1", "0", "TRUE", "måske")).containsExactly(true, false, true, false, true, null);
        assertThat(parse(t -> t, "  x  ", " \t ", "")).containsExactly("x", null, null);
        assertThat(parse(t -> ValueColumns.normaliseNumberText(t, true), "12,5", "1.234", "a.b")).containsExactly("12.5", "1234.0", "a.b");
    }

    /** An extra column keeps numbers; a name, a note or a raw id is kept only as having been there. */
    @Test
    void anExtraColumnKeepsNumbersAndOnlyThatOtherTextWasThere() {
        assertThat(parse(t -> ValueColumns.extraValue(t, true), "12,5", "7", "kw-plant-0002", "Borger ringede")).containsExactly("12.5", "7.0", "<text>", "<text>");
        assertThat(parse(t -> ValueColumns.extraValue(t, false), "12.5", "2e400", "sagsbehandler Jens")).containsExactly("12.5", "<text>", "<text>");
        // A CPR number without its dash reads as a number: never kept, in either dialect.
        assertThat(parse(t -> ValueColumns.extraValue(t, false), "0101901234", "010190-1234")).containsExactly("<text>", "<text>");
        assertThat(parse(t -> ValueColumns.extraValue(t, true), "0101901234")).containsExactly("<text>");
    }

    @Test
    void booleansReadAsSparksLowerCaseOfTheWordsDid() {
        // Cases, non-ASCII capitals (dotted I, the Kelvin and Ångström signs, long s, Greek, a full-width digit), blanks,
        // and line ends that the trim leaves after a word.
        String[] values = {"Ja", "JA", "jA", "SAND", "Falsk", "NEJ", "Yes", "nO", "y", "N", "1", "0", " ja\n", "jaa", "j a",
            "\u0130", "JA\u0130", "\u212Aja", "\u212B", "\u017Fand", "\u017F", "\u039D\u039F", "\uFF11", "maybe",
            "FALS\u212A", "fals\u212A", "ja\u2028", "nej\u0085"};
        List<Object> lowerCased = parse(org.apache.spark.sql.functions::lower, values);
        List<Object> before = new ArrayList<>();
        for (Object lower : lowerCased) {
            before.add(List.of("true", "1", "ja", "j", "yes", "y", "sand").contains(lower) ? Boolean.TRUE
                : List.of("false", "0", "nej", "n", "no", "falsk").contains(lower) ? Boolean.FALSE : null);
        }
        assertThat(parse(ValueColumns::bool, values)).containsExactlyElementsOf(before);
        assertThat(before).startsWith(true, true, true, true, false, false, true, false, true, false, true, false, true, null)
            .endsWith(false, false, null, null);
    }
}
