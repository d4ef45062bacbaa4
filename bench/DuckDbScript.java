import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Locale;

/**
 * Runs one SQL statement from a file in an in-process DuckDB with two threads, after replacing each
 * dollar-brace NAME placeholder with the value given as NAME=VALUE, and prints the statement's seconds and
 * the first row it returns (if any) as "column value" lines. Benchmark only: bin/benchmark fetches the
 * DuckDB JDBC jar into its own folder, never onto gevinst's classpath.
 *
 * <p>Usage: java -cp duckdb_jdbc.jar:CLASSES DuckDbScript SQL_FILE [NAME=VALUE]...
 */
public final class DuckDbScript {
    public static void main(String[] args) throws Exception {
        String sql = Files.readString(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            sql = sql.replace("${" + args[i].substring(0, eq) + "}", args[i].substring(eq + 1));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            long start = System.nanoTime();
            boolean rows = s.execute(sql);
            // Locale.ROOT: under a Danish default locale %.3f writes a decimal comma, which the harness cannot read.
            System.out.printf(Locale.ROOT, "duckdb_query_seconds %.3f%n", (System.nanoTime() - start) / 1e9);
            if (!rows) return;
            try (ResultSet r = s.getResultSet()) {
                ResultSetMetaData meta = r.getMetaData();
                if (!r.next()) return;
                for (int i = 1; i <= meta.getColumnCount(); i++) System.out.println(meta.getColumnName(i) + " " + r.getString(i));
            }
        }
    }
}
