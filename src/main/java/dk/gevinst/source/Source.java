package dk.gevinst.source;

import static dk.gevinst.source.ColumnType.*;
import static dk.gevinst.source.ContractColumn.optional;
import static dk.gevinst.source.ContractColumn.required;

import java.util.List;
import java.util.Optional;

/**
 * The input sources of a data root, one folder each, with the columns the contract promises, and each
 * source's key and version column: the key names one thing (a case, one item of one response), the version
 * column orders its versions. Across files the latest version of a key wins (see StateTables); within one
 * file, the same key and version twice is a duplicate.
 */
public enum Source {
    CASES("cases", true, List.of(Columns.CASE_ID), Columns.UPDATED_AT, List.of(
        required(Columns.CASE_ID, TEXT),
        required(Columns.UNIT, TEXT),
        optional(Columns.CASE_TYPE, TEXT),
        required(Columns.OPENED_AT, TIMESTAMP),
        optional(Columns.DECIDED_AT, TIMESTAMP),
        optional(Columns.HANDLING_MINUTES, NUMBER),
        optional(Columns.CASEWORKER_ID, PERSON),
        optional(Columns.CITIZEN_ID, PERSON),
        optional(Columns.REOPENED, BOOLEAN),
        optional(Columns.APPEALED, BOOLEAN),
        optional(Columns.APPEAL_OVERTURNED, BOOLEAN),
        optional(Columns.UPDATED_AT, TIMESTAMP))),
    SURVEY_RESPONSES("survey_responses", false, List.of(Columns.RESPONSE_ID, Columns.INSTRUMENT, Columns.ITEM), null, List.of(
        required(Columns.RESPONSE_ID, TEXT),
        required(Columns.RESPONDENT_ID, PERSON),
        required(Columns.UNIT, TEXT),
        required(Columns.ANSWERED_AT, TIMESTAMP),
        required(Columns.INSTRUMENT, TEXT),
        required(Columns.ITEM, INTEGER),
        required(Columns.SCORE, NUMBER),
        optional(Columns.CANDIDATE, TEXT))),
    COSTS("costs", false, List.of(Columns.PILOT_ID, Columns.OPTION, Columns.CATEGORY, Columns.KIND), Columns.VALID_FROM, List.of(
        required(Columns.PILOT_ID, TEXT),
        required(Columns.OPTION, TEXT),
        optional(Columns.CATEGORY, TEXT),
        required(Columns.KIND, TEXT),
        required(Columns.AMOUNT_DKK, NUMBER),
        optional(Columns.VALID_FROM, DATE))),
    TECH_METRICS("tech_metrics", false, List.of(Columns.PILOT_ID, Columns.DAY, Columns.METRIC), null, List.of(
        required(Columns.PILOT_ID, TEXT),
        required(Columns.DAY, DATE),
        required(Columns.METRIC, TEXT),
        required(Columns.VALUE, NUMBER))),
    USAGE("usage", false, List.of(Columns.USER_ID, Columns.DAY), null, List.of(
        required(Columns.USER_ID, PERSON),
        required(Columns.UNIT, TEXT),
        required(Columns.DAY, DATE),
        required(Columns.ACTIVE_MINUTES, NUMBER)));

    private final String folder;
    private final boolean keepsExtraColumns;
    private final List<String> key;
    private final String version;
    private final List<ContractColumn> columns;

    Source(String folder, boolean keepsExtraColumns, List<String> key, String version, List<ContractColumn> columns) {
        this.folder = folder;
        this.keepsExtraColumns = keepsExtraColumns;
        this.key = key;
        this.version = version;
        this.columns = columns;
    }

    /** The columns that name one thing of this source; a later file's row with the same key replaces an earlier one. */
    public List<String> key() {
        return key;
    }

    /** The column whose latest value wins among rows with the same key (empty: the later file wins). */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** The key and the version column: the same values twice in one file is a duplicate. */
    public List<String> duplicateKey() {
        List<String> out = new java.util.ArrayList<>(key);
        if (version != null) out.add(version);
        return out;
    }

    public String folder() {
        return folder;
    }

    /** Cases keep any other column, so custom indicators can read it. */
    public boolean keepsExtraColumns() {
        return keepsExtraColumns;
    }

    public List<ContractColumn> columns() {
        return columns;
    }

    public List<String> requiredColumns() {
        return columns.stream().filter(ContractColumn::required).map(ContractColumn::name).toList();
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
        return -1;
    }

    /** Survey and usage rows describe persons (respondents, users), so their cells count against min_responses. */
    public boolean countsPersons() {
        return this == SURVEY_RESPONSES || this == USAGE;
    }

    public static Optional<Source> byFolder(String folder) {
        for (Source s : values()) if (s.folder.equals(folder)) return Optional.of(s);
        return Optional.empty();
    }
}
