package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import dk.gevinst.source.ColumnType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** Parquet columns whose stored type already fits a contract type are used without a detour through text. */
final class ParquetTypes {
    private ParquetTypes() {}

    /** The column as its contract type, or null when its stored type does not fit and its text must be parsed. */
    static Column asContractType(Column c, DataType stored, ColumnType contract) {
        double max = Double.MAX_VALUE;
        return switch (contract) {
            case NUMBER -> stored instanceof NumericType ? when(c.cast(DataTypes.DoubleType).between(-max, max), c.cast(DataTypes.DoubleType)) : null;
            case INTEGER -> stored instanceof IntegralType || stored instanceof DecimalType && ((DecimalType) stored).scale() == 0
                ? when(c.between(Integer.MIN_VALUE, Integer.MAX_VALUE), c.cast(DataTypes.IntegerType)) : null;
            case BOOLEAN -> stored instanceof BooleanType ? c : null;
            // A zoned timestamp keeps its wall-clock time in the session zone (UTC), as text with an offset does.
            case TIMESTAMP -> stored instanceof TimestampNTZType || stored instanceof TimestampType || stored instanceof DateType
                ? c.cast(DataTypes.TimestampNTZType) : null;
            case DATE -> stored instanceof DateType ? c : stored instanceof TimestampNTZType || stored instanceof TimestampType ? to_date(c) : null;
            case TEXT, PERSON -> null;
        };
    }
}
