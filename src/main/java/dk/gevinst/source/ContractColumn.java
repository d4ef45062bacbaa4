package dk.gevinst.source;

/** One column of the input contract. */
public record ContractColumn(String name, ColumnType type, boolean required) {
    static ContractColumn required(String name, ColumnType type) {
        return new ContractColumn(name, type, true);
    }

    static ContractColumn optional(String name, ColumnType type) {
        return new ContractColumn(name, type, false);
    }
}
