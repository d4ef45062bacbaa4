package dk.gevinst.source;

/** Every column name the pipeline reads or writes. Nothing else spells them. */
public final class Columns {
    private Columns() {}

    // cases
    public static final String CASE_ID = "case_id";
    public static final String UNIT = "unit";
    public static final String CASE_TYPE = "case_type";
    public static final String OPENED_AT = "opened_at";
    public static final String DECIDED_AT = "decided_at";
    public static final String HANDLING_MINUTES = "handling_minutes";
    public static final String CASEWORKER_ID = "caseworker_id";
    public static final String CITIZEN_ID = "citizen_id";
    public static final String REOPENED = "reopened";
    public static final String APPEALED = "appealed";
    public static final String APPEAL_OVERTURNED = "appeal_overturned";
    public static final String UPDATED_AT = "updated_at";
    public static final String EXTRA = "extra";

    // survey_responses
    public static final String RESPONSE_ID = "response_id";
    public static final String RESPONDENT_ID = "respondent_id";
    public static final String ANSWERED_AT = "answered_at";
    public static final String INSTRUMENT = "instrument";
    public static final String ITEM = "item";
    public static final String SCORE = "score";

    // costs
    public static final String PILOT_ID = "pilot_id";
    public static final String OPTION = "option";
    public static final String CATEGORY = "category";
    public static final String KIND = "kind";
    public static final String AMOUNT_DKK = "amount_dkk";

    // tech_metrics
    public static final String DAY = "day";
    public static final String METRIC = "metric";
    public static final String VALUE = "value";

    // usage
    public static final String USER_ID = "user_id";
    public static final String ACTIVE_MINUTES = "active_minutes";

    // lineage added at ingest
    public static final String FILE = "source_file";
    public static final String LINE = "source_line";
    public static final String REASON = "_reason";
    public static final String CPR_MASKED = "_cpr_masked";
    public static final String SOURCE = "source";

    // derived tables
    public static final String AS_OF = "as_of";
    public static final String RUN_ID = "run_id";
    public static final String INDICATOR = "indicator";
    public static final String ARM = "arm";
    public static final String PERIOD = "period";
    public static final String N = "n";
    public static final String SUM = "sum";
    public static final String SUM_SQ = "sum_sq";
    public static final String SUPPRESSED = "suppressed";
    public static final String OBSERVATION_UNIT = "_observation_unit";
    public static final String OBSERVATION_DAY = "_observation_day";
    public static final String REASON_CODE = "reason";
    public static final String COLUMN = "column";
    public static final String DECISION = "decision";
}
