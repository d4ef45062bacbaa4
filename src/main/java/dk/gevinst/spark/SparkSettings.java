package dk.gevinst.spark;

import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import dk.gevinst.storage.LocalPermissionsFileSystem;
import dk.gevinst.storage.Storage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spark settings a run's session gets. Later wins: gevinst's defaults for small data, then the
 * {@code spark:} block of the run config, then what spark-submit was given (--conf, spark-defaults.conf),
 * then {@code gevinst run --conf}. A few settings the results depend on are fixed and cannot be changed.
 */
public final class SparkSettings {
    /** Days are wall-clock days, and the code reads dates as java.time values: changing these changes results. */
    public static final Map<String, String> FIXED = Map.of(
        "spark.sql.session.timeZone", "UTC",
        "spark.sql.datetime.java8API.enabled", "true");
    /** Local runs on a laptop or one server: a handful of shuffle partitions, not Spark's 200. */
    static final int LOCAL_SHUFFLE_PARTITIONS = 8;
    /** Above this many folders to list, Spark lists with a job instead of on the driver (its default is 32). */
    static final String LISTING_JOB_THRESHOLD = "spark.sql.sources.parallelPartitionDiscovery.threshold";
    /** A table gets one partition folder per source file, a few new ones a day: years of daily files stay below. */
    static final int LOCAL_LISTING_JOB_THRESHOLD = 100_000;

    /** Whether a session's added jars and classes are kept from other sessions (see {@link #defaults}). */
    static final String ARTIFACT_ISOLATION = "spark.sql.artifact.isolation.enabled";

    private SparkSettings() {}

    /**
     * What gevinst sets unless told otherwise: adaptive execution, which merges small shuffle partitions on a
     * cluster too, a local filesystem that does not fork a process to set a file's permissions, and executors that do
     * not ask the driver for classes they lack (no per-session class folder). On a local master
     * also few shuffle partitions, and, when the files Spark reads are on this machine's disk ({@code localFiles}:
     * the data and output roots), their folders listed by the driver.
     */
    public static Map<String, String> defaults(String master, boolean localFiles) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("spark.sql.adaptive.enabled", "true");
        d.put("spark.sql.adaptive.coalescePartitions.enabled", "true");
        // Local files get their permissions through java.nio, not one forked chmod per directory and file.
        d.put("spark.hadoop.fs.file.impl", LocalPermissionsFileSystem.class.getName());
        if (isLocal(master)) d.put("spark.sql.shuffle.partitions", String.valueOf(LOCAL_SHUFFLE_PARTITIONS));
        // Spark 4 gives each session its own class folder on the driver, and executors then look up every class they
        // do not have there, one RPC to the driver each. Janino's generated code looks up each simple name it uses in
        // every imported package first, so the sample's first night made 708 such lookups, all misses. Gevinst adds no
        // artifacts to its session (its classes come with the application jar), so the isolation buys nothing here.
        d.put(ARTIFACT_ISOLATION, "false");
        // Spark lists a table of more than 32 partition folders with a job of one task per folder. On a local master
        // those tasks share the driver's cores, and each such job cost 0.2 to 0.9 s on a night whose case table had 36
        // source files, several times a night, where the driver lists local folders in milliseconds. On a remote store
        // each listing is a round trip, which a job makes side by side: there Spark's threshold stays.
        if (isLocal(master) && localFiles) d.put(LISTING_JOB_THRESHOLD, String.valueOf(LOCAL_LISTING_JOB_THRESHOLD));
        return d;
    }

    /**
     * The settings to put on the session builder. Keys spark-submit already set are left to it unless
     * {@code flags} names them; the fixed settings come last.
     */
    public static Map<String, String> resolve(String master, boolean localFiles, Map<String, String> fromConfig,
                                              Map<String, String> fromSubmit, Map<String, String> flags) {
        checkNotFixed(fromConfig, "the spark: block of the run config");
        checkNotFixed(fromSubmit, "spark-submit's settings");
        checkNotFixed(flags, "--conf");
        Map<String, String> out = new LinkedHashMap<>();
        defaults(master, localFiles).forEach((k, v) -> {
            if (!fromSubmit.containsKey(k)) out.put(k, v);
        });
        fromConfig.forEach((k, v) -> {
            if (!fromSubmit.containsKey(k)) out.put(k, v);
        });
        out.putAll(flags);
        out.putAll(FIXED);
        out.put("spark.hadoop.fs.permissions.umask-mode", Storage.UMASK);
        // Nobody reads Spark's progress bar in a nightly log, and it garbles a terminal; gevinst prints its own stages.
        out.put("spark.ui.showConsoleProgress", "false");
        return out;
    }

    /** Settings spark-submit handed to this JVM (it passes them as system properties). */
    public static Map<String, String> fromSubmit() {
        Map<String, String> out = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.")).sorted()
            .forEach(k -> out.put(k, System.getProperty(k)));
        return out;
    }

    /** Under spark-submit, the master it was given; otherwise null. */
    public static String submittedMaster() {
        return System.getProperty("spark.master");
    }

    /** Whether a location is on this machine's filesystem (no scheme, or file:), where listing a folder is cheap. */
    public static boolean onLocalDisk(org.apache.hadoop.fs.Path location) {
        String scheme = location.toUri().getScheme();
        return scheme == null || scheme.equals("file");
    }

    public static boolean isLocal(String master) {
        return master == null || master.equals("local") || master.startsWith("local[") || master.startsWith("local-cluster[");
    }

    /** A setting from a config file or a flag must be one of Spark's (spark.…). */
    public static String checkKey(String key, String where) {
        if (!key.startsWith("spark.") || key.length() == "spark.".length()) {
            String hint = key.equals("shuffle_partitions") ? "spark.sql.shuffle.partitions" : "spark." + key;
            throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, where + " names '" + key
                + "', which is not a Spark setting; Spark's settings start with 'spark.', e.g. " + hint);
        }
        return key;
    }

    private static void checkNotFixed(Map<String, String> settings, String where) {
        FIXED.forEach((k, fixed) -> {
            String v = settings.get(k);
            if (v != null && !v.equalsIgnoreCase(fixed)) {
                throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, where + " sets " + k + "=" + v
                    + ", but gevinst needs " + fixed + " for the same results everywhere; remove the setting");
            }
        });
    }
}
