package dk.gevinst.ingest;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.spark.SparkSchemas;
import dk.gevinst.testing.TestSpark;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.ProjectExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** The state table's columns as the ingest writes them: the content hash, and a projection Spark compiles once. */
class StateColumnsTest {
    private final SparkSession spark = TestSpark.session();

    @Test
    void theContentHashSortsTheExtrasAndEqualsTheHashEarlierVersionsWrote() {
        Dataset<Row> written = typed().select(SourceIngest.stateColumns(Source.CASES, "r1"));
        List<Row> rows = written.orderBy(col(Columns.LINE)).collectAsList();
        long first = rows.get(0).getAs(Columns.CONTENT_HASH), second = rows.get(1).getAs(Columns.CONTENT_HASH);
        // Equal maps in another order are the same content; another value is not.
        assertThat(first).isEqualTo(second);
        assertThat(rows.get(2).<Long>getAs(Columns.CONTENT_HASH)).isNotEqualTo(first);
        assertThat(rows.get(3).<Long>getAs(Columns.CONTENT_HASH)).as("a quarantined row has no content").isNull();
        // State written before sort_array replaced array_sort holds hashes of array_sort's order: a re-delivered file
        // must still match them, so both give the same hash for every accepted row.
        List<Column> values = new ArrayList<>();
        for (String c : SparkSchemas.valueColumns(Source.CASES)) values.add(c.equals(Columns.EXTRA) ? array_sort(map_entries(col(c))) : col(c));
        long differing = written.filter(col(Columns.CONTENT_HASH).isNotNull())
            .filter(col(Columns.CONTENT_HASH).notEqual(xxhash64(values.toArray(Column[]::new)))).count();
        assertThat(differing).isZero();
    }

    @Test
    void theStateColumnsAreOneCompiledStageNotAProjectionGeneratedInEveryTask() {
        SparkPlan plan = typed().select(SourceIngest.stateColumns(Source.CASES, "r1")).queryExecution().executedPlan();
        // A projection with an interpreted-only expression (array_sort's comparator lambda was one) runs outside
        // whole-stage code generation, and each task then generates its code again: a tenth of the sample's
        // first-night executor time (docs/benchmarks.md, Session 29).
        assertThat(projectsOutsideCodegen(plan, false)).isEmpty();
        assertThat(plan.toString()).contains("Project");
    }

    private static List<String> projectsOutsideCodegen(SparkPlan plan, boolean inside) {
        List<String> out = new ArrayList<>();
        if (plan instanceof ProjectExec && !inside) out.add(plan.simpleString(100));
        boolean below = inside || plan instanceof WholeStageCodegenExec;
        for (SparkPlan child : CollectionConverters.asJava(plan.children())) out.addAll(projectsOutsideCodegen(child, below));
        return out;
    }

    /**
     * Typed case rows as the reader hands them to the state columns: two with the same extras in another order (an
     * empty value and keys beyond ASCII among them), one with another extra value, one quarantined. From an RDD, not a local list, which Spark would fold into constants.
     */
    private Dataset<Row> typed() {
        StructType schema = SparkSchemas.stored(Source.CASES).add(Columns.CITIZEN_ID, DataTypes.StringType)
            .add(Columns.REASON, DataTypes.StringType).add(Columns.CPR_MASKED, DataTypes.StringType);
        List<Row> rows = List.of(
            row(schema, 1, extras("fte", "12.5", "team", "A", "årsag", null, "Æble", "ja")),
            row(schema, 2, extras("Æble", "ja", "team", "A", "årsag", null, "fte", "12.5")),
            row(schema, 3, extras("team", "B", "fte", "12.5", "årsag", null, "Æble", "ja")),
            row(schema, 4, null));
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2), schema);
    }

    private static Row row(StructType schema, long line, Map<String, String> extra) {
        Object[] v = new Object[schema.size()];
        v[schema.fieldIndex(Columns.CASE_ID)] = "S-1";
        v[schema.fieldIndex(Columns.UNIT)] = "Ydelse Nord";
        v[schema.fieldIndex(Columns.CASE_TYPE)] = "A";
        v[schema.fieldIndex(Columns.OPENED_AT)] = LocalDateTime.of(2026, 3, 2, 9, 0);
        v[schema.fieldIndex(Columns.HANDLING_MINUTES)] = 42.0;
        if (extra != null) v[schema.fieldIndex(Columns.EXTRA)] = CollectionConverters.asScala(extra);
        v[schema.fieldIndex(Columns.FILE)] = "cases/ydelse.csv";
        v[schema.fieldIndex(Columns.LINE)] = line;
        v[schema.fieldIndex(Columns.FILE_REF)] = "ref-1";
        v[schema.fieldIndex(Columns.REASON)] = extra == null ? "missing:case_id" : null;
        return RowFactory.create(v);
    }

    private static Map<String, String> extras(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put(keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }
}
