package dk.gevinst.testing;

import dk.gevinst.cli.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small data root and spec that a full run decides in seconds: units A (pilot) and B (control), cases
 * from 5 to 15 January (before) and 16 to 28 March 2026 (after), and a run through the CLI.
 */
public final class TinyRuns {
    public static final String GOOD_SPEC = """
        id: small
        title: "Lille pilot"
        start: 2026-03-02
        end: 2026-06-30
        baseline_start: 2026-01-05
        arms: {pilot: [A], control: [B]}
        indicators:
          handling_time: {role: success, mde: "10%"}
        decision: {min_cases: 5}
        """;
    /** The newest case day of {@link #data}. */
    public static final String NEWEST = "2026-03-28";

    private TinyRuns() {}

    public static Path data(Path root) throws Exception {
        StringBuilder csv = new StringBuilder("case_id,unit,opened_at,decided_at,handling_minutes\n");
        int id = 0;
        for (String unit : List.of("A", "B")) {
            for (int d = 5; d <= 28; d++) {
                String month = d < 16 ? "01" : "03";
                csv.append("c").append(++id).append(',').append(unit).append(",2026-").append(month).append('-').append(String.format("%02d", d))
                    .append(",2026-").append(month).append('-').append(String.format("%02d", d)).append("T15:00,").append(30 + (id * 7) % 11).append('\n');
            }
        }
        TempDirs.write(root, "cases/cases.csv", csv.toString());
        return root;
    }

    /** {@code gevinst run} with the demo key, in the test JVM's SparkSession. */
    public static int run(Path pilots, Path data, Path out, String asOf, String... extra) {
        TestSpark.session();
        List<String> args = new ArrayList<>(List.of("run", "--pilots", pilots.toString(), "--data", data.toString(),
            "--out", out.toString(), "--as-of", asOf, "--demo-key"));
        args.addAll(List.of(extra));
        return Main.execute(args.toArray(String[]::new));
    }
}
