package dk.gevinst.ingest;

import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.Columns;
import dk.gevinst.source.ContractColumn;
import dk.gevinst.source.Source;
import dk.gevinst.source.ValueParser;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one raw record (header name to text) into typed contract values, or names why it is quarantined.
 * Person identifiers become keyed pseudonyms here and CPR numbers in text are masked, so nothing raw gets
 * past ingest.
 */
public final class RowValidator implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Source source;
    private final PlausibilityBounds bounds;
    private final Pseudonymizer pseudonymizer;

    public RowValidator(Source source, PlausibilityBounds bounds, Pseudonymizer pseudonymizer) {
        this.source = source;
        this.bounds = bounds;
        this.pseudonymizer = pseudonymizer;
    }

    public Source source() {
        return source;
    }

    public ValidatedRow validate(long line, Map<String, String> raw, boolean decimalComma) {
        List<ContractColumn> columns = source.columns();
        Object[] values = new Object[columns.size()];
        List<String> masked = new ArrayList<>(0);
        String reason = null;
        for (int i = 0; i < columns.size(); i++) {
            ContractColumn c = columns.get(i);
            String text = raw.get(c.name());
            if (text == null || text.isBlank()) {
                if (c.required() && reason == null) reason = Reasons.missing(c.name());
                continue;
            }
            Object value = switch (c.type()) {
                case TEXT -> scrub(c.name(), text.trim(), masked);
                case PERSON -> pseudonymizer.pseudonym(text);
                case TIMESTAMP -> ValueParser.timestamp(text);
                case DATE -> ValueParser.date(text);
                case NUMBER -> ValueParser.number(text, decimalComma);
                case INTEGER -> ValueParser.integer(text);
                case BOOLEAN -> ValueParser.bool(text);
            };
            if (value == null && reason == null) reason = Reasons.badValue(c.name());
            values[i] = value;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).type() == dk.gevinst.source.ColumnType.BOOLEAN && values[i] == null) values[i] = Boolean.FALSE;
        }
        Map<String, String> extras = source.keepsExtraColumns() ? extras(raw, decimalComma, masked) : Map.of();
        if (reason == null) reason = ruleViolation(values);
        return new ValidatedRow(line, values, extras, reason, masked);
    }

    private Map<String, String> extras(Map<String, String> raw, boolean decimalComma, List<String> masked) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : raw.entrySet()) {
            if (source.indexOf(e.getKey()) >= 0 || e.getValue() == null || e.getValue().isBlank()) continue;
            String v = scrub(e.getKey(), e.getValue().trim(), masked);
            // Normalise decimal commas now, while the file's dialect is known, so custom indicators can cast.
            Double number = decimalComma ? ValueParser.number(v, true) : null;
            out.put(e.getKey(), number != null ? Double.toString(number) : v);
        }
        return out;
    }

    private static String scrub(String column, String text, List<String> masked) {
        String clean = CprScrubber.mask(text);
        if (clean != text && !masked.contains(column)) masked.add(column);
        return clean;
    }

    /** Rules across values: order of dates, signs and plausible ranges. */
    private String ruleViolation(Object[] v) {
        switch (source) {
            case CASES -> {
                var opened = (LocalDateTime) v[source.indexOf(Columns.OPENED_AT)];
                var decided = (LocalDateTime) v[source.indexOf(Columns.DECIDED_AT)];
                if (decided != null && decided.isBefore(opened)) return Reasons.DECIDED_BEFORE_OPENED;
                return checkRange(Columns.HANDLING_MINUTES, (Double) v[source.indexOf(Columns.HANDLING_MINUTES)]);
            }
            case SURVEY_RESPONSES -> {
                return SurveyInstruments.check((String) v[source.indexOf(Columns.INSTRUMENT)],
                    (Integer) v[source.indexOf(Columns.ITEM)], (Double) v[source.indexOf(Columns.SCORE)]);
            }
            case COSTS -> {
                String kind = (String) v[source.indexOf(Columns.KIND)];
                if (!CostKind.isKnown(kind)) return Reasons.badValue(Columns.KIND);
                return checkRange(Columns.AMOUNT_DKK, (Double) v[source.indexOf(Columns.AMOUNT_DKK)]);
            }
            case USAGE -> {
                return checkRange(Columns.ACTIVE_MINUTES, (Double) v[source.indexOf(Columns.ACTIVE_MINUTES)]);
            }
            default -> {
                return null;
            }
        }
    }

    private String checkRange(String column, Double value) {
        if (value == null) return null;
        if (value < 0) return Reasons.negative(column);
        if (value > bounds.max(column)) return Reasons.implausible(column);
        return null;
    }
}
