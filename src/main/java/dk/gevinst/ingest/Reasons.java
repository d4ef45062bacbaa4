package dk.gevinst.ingest;

/** Quarantine reason codes. Codes with a column are written {@code code:column}. */
public final class Reasons {
    private Reasons() {}

    public static final String DECIDED_BEFORE_OPENED = "decided_before_opened";
    public static final String DUPLICATE = "duplicate";
    public static final String INCOMPLETE_RESPONSE = "incomplete_response";
    /** A CSV line with the wrong number of fields, or a JSON line that does not parse. */
    public static final String MALFORMED_ROW = "malformed_row";

    public static String missing(String column) {
        return "missing:" + column;
    }

    public static String badValue(String column) {
        return "bad_value:" + column;
    }

    public static String negative(String column) {
        return "negative:" + column;
    }

    public static String implausible(String column) {
        return "implausible:" + column;
    }

    /** A summed number beyond ±10,000,000 (cells.ExactSums.LIMIT): more than the exact sums can hold. */
    public static String outOfRange(String column) {
        return "out_of_range:" + column;
    }

    /** A value that should name a candidate of a comparison covering the row's unit, and names none. */
    public static String unknownCandidate(String column) {
        return "unknown_candidate:" + column;
    }
}
