package dk.gevinst.cells;

import dk.gevinst.config.PilotSpec;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Computes the sufficient statistics of every pilot's indicators, for all of them in one scan. */
public interface CellStage {
    CellTable compute(SparkSession spark, Path stateRoot, List<PilotSpec> pilots, LocalDate asOf);
}
