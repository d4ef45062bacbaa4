package dk.gevinst.ingest;

import org.apache.spark.sql.SparkSession;

/** Reads the files that arrived since the last run into the state tables; bad rows go to quarantine. */
public interface IngestStage {
    IngestResult ingest(SparkSession spark, IngestRequest request);
}
