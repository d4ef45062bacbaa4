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
    /** Optional, on a preference row: the id of the candidate (under a comparison's arms.candidates) the answer is about. */
    public static final String CANDIDATE = "candidate";

    // costs
    public static final String PILOT_ID = "pilot_id";
    public static final String OPTION = "option";
    public static final String CATEGORY = "category";
    public static final String KIND = "kind";
    public static final String AMOUNT_DKK = "amount_dkk";
    /** Optional: the day a cost line starts to apply; a later valid_from replaces the line with the same key. */
    public static final String VALID_FROM = "valid_from";

    // tech_metrics
    public static final String DAY = "day";
    public static final String METRIC = "metric";
    public static final String VALUE = "value";

    // usage
    public static final String USER_ID = "user_id";
    public static final String ACTIVE_MINUTES = "active_minutes";

    // lineage added at ingest
    /** The file a row came from, as people may read it: its path under the data root with CPR-shaped text masked. */
    public static final String FILE = "source_file";
    /** A keyed reference to one version of one file: the state tables' partition column (never a raw file name). */
    public static final String FILE_REF = "file_ref";
    /** The physical line of a text file (the header is line 1), or the row position (from 1) in a Parquet file. */
    public static final String LINE = "source_line";
    public static final String REASON = "_reason";
    public static final String CPR_MASKED = "_cpr_masked";
    public static final String SOURCE = "source";

    // working columns of the ingest, never stored
    /** One physical line of a text file, decoded. */
    public static final String RAW_LINE = "_raw_line";
    /** A parsed record: a struct of CSV fields or a map of JSON keys to text. */
    public static final String RAW_RECORD = "_raw_record";
    /** Set by the CSV parser when a line does not have as many fields as the header. */
    public static final String CORRUPT_RECORD = "_corrupt_record";
    /** Why a line is not a record at all (the header, a blank line); such lines are not counted as rows. */
    public static final String NOT_A_RECORD = "_not_a_record";
    /** The reader's position of a line within its file (from 0), kept to check that no file was split or packed. */
    public static final String READ_INDEX = "_read_index";
    /** The byte offset at which a reader's split of a file starts: 0 when the file was read whole. */
    public static final String SPLIT_START = "_split_start";
    public static final String FILE_NAME = "_file_name";
    public static final String FILE_ORDER = "_file_order";
    public static final String VERSION_RANK = "_version_rank";
    /**
     * Cases: a 64-bit hash of (citizen pseudonym, case type, opened_at), kept so that a case registered twice
     * under two case ids can be found within its file. It links only rows that share all three.
     */
    public static final String REGISTRATION = "_registration";
    /** A 64-bit hash of a stored row's values, written with it, so that repeats across files are counted without rereading the values. */
    public static final String CONTENT_HASH = "_content_hash";

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
