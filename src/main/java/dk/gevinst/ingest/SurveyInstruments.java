package dk.gevinst.ingest;

import dk.gevinst.source.Columns;

/** The instruments the contract knows, and the items and scores each allows. Other names are custom. */
public final class SurveyInstruments {
    public static final String SUS = "sus";
    public static final String CORE_TASK = "core_task";
    public static final String PREFERENCE = "preference";
    public static final int SUS_ITEMS = 10;

    private SurveyInstruments() {}

    static String check(String instrument, Integer item, Double score) {
        switch (instrument) {
            case SUS -> {
                if (item < 1 || item > SUS_ITEMS) return Reasons.implausible(Columns.ITEM);
                if (!whole(score) || score < 1 || score > 5) return Reasons.implausible(Columns.SCORE);
            }
            case CORE_TASK -> {
                if (item < 1) return Reasons.implausible(Columns.ITEM);
                if (!whole(score) || score < 1 || score > 5) return Reasons.implausible(Columns.SCORE);
            }
            case PREFERENCE -> {
                if (item != 1) return Reasons.implausible(Columns.ITEM);
                if (score != 0 && score != 1) return Reasons.implausible(Columns.SCORE);
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    private static boolean whole(double d) {
        return d == Math.rint(d);
    }
}
