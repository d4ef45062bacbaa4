package dk.gevinst.source;

/** The contract's value types. PERSON is text that is replaced by a keyed pseudonym at ingest. */
public enum ColumnType {
    TEXT, PERSON, TIMESTAMP, DATE, NUMBER, INTEGER, BOOLEAN
}
