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

    /** A state table's schema: contract values (citizen id dropped), extras if the source keeps them, and lineage. */
    public static StructType stored(Source s) {
        List<StructField> f = new ArrayList<>();
        for (ContractColumn c : s.columns()) {
            if (!c.name().equals(Columns.CITIZEN_ID)) f.add(DataTypes.createStructField(c.name(), type(c), true));
        }
        if (s.keepsExtraColumns()) {
            f.add(DataTypes.createStructField(Columns.EXTRA, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true));
        }
        f.add(DataTypes.createStructField(Columns.FILE, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(Columns.LINE, DataTypes.LongType, true));
        f.add(DataTypes.createStructField(Columns.FILE_REF, DataTypes.StringType, true));
        return DataTypes.createStructType(f);
    }

    /**
     * A source's state table as written: the stored columns; for a quarantined row its reason code and the
     * run that read it (its values are all null: a quarantine row names where and why, never what); the
     * columns whose CPR numbers were masked; a hash of the values; for cases the registration hash (see
     * Columns.REGISTRATION).
     */
    public static StructType table(Source s) {
        List<StructField> f = new ArrayList<>(List.of(stored(s).fields()));
        int beforeRef = f.size() - 1;
        List<StructField> more = new ArrayList<>(List.of(
            DataTypes.createStructField(Columns.REASON_CODE, DataTypes.StringType, true),
            DataTypes.createStructField(Columns.RUN_ID, DataTypes.StringType, true),
            DataTypes.createStructField(Columns.CPR_MASKED, DataTypes.StringType, true),
            DataTypes.createStructField(Columns.CONTENT_HASH, DataTypes.LongType, true)));
        if (s == Source.CASES) more.add(DataTypes.createStructField(Columns.REGISTRATION, DataTypes.LongType, true));
        f.addAll(beforeRef, more);
        return DataTypes.createStructType(f);
    }

    /** Rows quarantined by a rule over the whole file (a duplicate, an incomplete response), kept beside the source tables. */
    public static final StructType FILE_RULES = new StructType()
        .add(Columns.SOURCE, DataTypes.StringType).add(Columns.FILE, DataTypes.StringType).add(Columns.LINE, DataTypes.LongType)
        .add(Columns.REASON_CODE, DataTypes.StringType).add(Columns.RUN_ID, DataTypes.StringType).add(Columns.FILE_REF, DataTypes.StringType);

    /** The stored columns that are values (not lineage): what a row says, compared across files. */
    public static List<String> valueColumns(Source s) {
        return storedColumns(s).stream().filter(c -> !c.equals(Columns.FILE) && !c.equals(Columns.LINE) && !c.equals(Columns.FILE_REF)).toList();
    }

    /** The names of {@link #stored}: the citizen id is dropped once the duplicate check has used it. */
    public static List<String> storedColumns(Source s) {
        return List.of(stored(s).fieldNames());
    }
}
