package dk.gevinst.ingest;

/**
 * The instruments the contract knows, and the items and scores each allows (checked in RowRules): sus has
 * items 1 to 10 scored 1 to 5, core_task items from 1 scored 1 to 5, preference item 1 scored 0 or 1. Any
 * other instrument name is custom and not range-checked.
 */
public final class SurveyInstruments {
    public static final String SUS = "sus";
    public static final String CORE_TASK = "core_task";
    public static final String PREFERENCE = "preference";
    public static final int SUS_ITEMS = 10;

    private SurveyInstruments() {}
}
