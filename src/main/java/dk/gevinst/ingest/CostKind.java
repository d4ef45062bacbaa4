package dk.gevinst.ingest;

/** The two kinds of cost rows: paid once at the start, or every year of the horizon. */
public final class CostKind {
    public static final String ONE_OFF = "one_off";
    public static final String YEARLY = "yearly";

    private CostKind() {}

    public static boolean isKnown(String kind) {
        return ONE_OFF.equals(kind) || YEARLY.equals(kind);
    }
}
