package dk.gevinst.spark;

import dk.gevinst.source.Columns;
import dk.gevinst.source.ContractColumn;
import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark schemas derived from the contract, so column names and types are written down once. */
public final class SparkSchemas {
    private SparkSchemas() {}

    public static DataType type(ContractColumn c) {
        return switch (c.type()) {
            case TEXT, PERSON -> DataTypes.StringType;
            case TIMESTAMP -> DataTypes.TimestampNTZType;
            case DATE -> DataTypes.DateType;
            case NUMBER -> DataTypes.DoubleType;
            case INTEGER -> DataTypes.IntegerType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }

    /** The row as ingest emits it: contract values, extras, lineage, and the quarantine reason if any. */
    public static StructType validated(Source s) {
        List<StructField> f = new ArrayList<>();
        for (ContractColumn c : s.columns()) f.add(DataTypes.createStructField(c.name(), type(c), true));
        f.add(DataTypes.createStructField(Columns.EXTRA, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true));
        f.add(DataTypes.createStructField(Columns.FILE, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(Columns.LINE, DataTypes.LongType, false));
        f.add(DataTypes.createStructField(Columns.REASON, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(Columns.CPR_MASKED, DataTypes.createArrayType(DataTypes.StringType), false));
        return DataTypes.createStructType(f);
    }

    /** Columns kept in the state table: the citizen id is dropped once the duplicate check has used it. */
    public static List<String> stored(Source s) {
        List<String> out = new ArrayList<>();
        for (ContractColumn c : s.columns()) if (!c.name().equals(Columns.CITIZEN_ID)) out.add(c.name());
        if (s.keepsExtraColumns()) out.add(Columns.EXTRA);
        out.add(Columns.FILE);
        out.add(Columns.LINE);
        return out;
    }
}
