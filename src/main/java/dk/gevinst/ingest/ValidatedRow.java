package dk.gevinst.ingest;

import java.util.List;
import java.util.Map;

/**
 * One input record after validation: typed values in contract order, the extra columns, and either no
 * reason (accepted) or the first reason it was quarantined for. {@code cprMasked} names the columns in
 * which a CPR number was masked.
 */
public record ValidatedRow(long line, Object[] values, Map<String, String> extras, String reason, List<String> cprMasked) {
    public boolean accepted() {
        return reason == null;
    }

    public ValidatedRow quarantined(String why) {
        return new ValidatedRow(line, values, extras, why, cprMasked);
    }
}
