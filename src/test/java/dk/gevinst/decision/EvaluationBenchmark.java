package dk.gevinst.decision;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TestCells;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Not a test: how long the driver-side evaluation of one pilot takes (issue 12, P5). The sample's
 * Sagsoverblik spec over day cells shaped like the sample's (four teams, every weekday from the baseline
 * to the as-of, 40 cases a team and day, team drift), evaluated {@code reps} times after a warm-up.
 * Prints the thread's CPU milliseconds per pilot and a SHA-256 of every analysis (to show two builds give
 * the same numbers); a second argument writes the analyses to that file. How to run: docs/operations.md.
 */
public final class EvaluationBenchmark {
    private EvaluationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        PilotSpec spec = sample();
        LocalDate asOf = LocalDate.of(2026, 11, 27);
        CellTable table = new CellTable(cells(spec, asOf));
        for (int i = 0; i < 3; i++) PilotEvaluator.evaluate(spec, table, List.of(), asOf, Map.of());
        // CPU time of this thread: the machine is shared, and wall time would measure the neighbours.
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        String digest = "";
        for (int i = 0; i < reps; i++) digest = summary(PilotEvaluator.evaluate(spec, table, List.of(), asOf, Map.of()));
        double ms = (cpu.getCurrentThreadCpuTime() - t0) / 1e6 / reps;
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(digest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        System.out.printf("evaluation: %.1f ms CPU per pilot (%d reps, %d cells); results sha256 %s%n", ms, reps, table.cells().size(),
            java.util.HexFormat.of().formatHex(sha));
        if (args.length > 1) Files.writeString(java.nio.file.Path.of(args[1]), digest);
    }

    static PilotSpec sample() throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse("sagsoverblik.yaml",
            Files.readString(Repo.root().resolve("jobs/pilots/sagsoverblik.yaml")));
    }

    /** Every published number of an evaluation, printed exactly (hex doubles), to compare before and after a change. */
    public static String summary(PilotEvaluation e) {
        StringBuilder b = new StringBuilder(e.decision().outcome() + " " + e.decision().extendWeeks() + "\n");
        for (Reason r : e.decision().reasons()) b.append(r.code()).append(' ').append(r.en()).append('\n');
        for (IndicatorResult r : e.indicators()) {
            b.append(r.id()).append(' ').append(r.verdict()).append(' ').append(r.withheld()).append('\n');
            for (Analysis a : new Analysis[] {r.sequential(), r.fixed()}) if (a != null) b.append(a).append('\n');
            if (r.preTrend() != null) b.append(r.preTrend()).append('\n');
        }
        return b.toString();
    }

    public static List<CellStats> cells(PilotSpec spec, LocalDate asOf) {
        SplittableRandom random = new SplittableRandom(12);
        List<CellStats> out = new ArrayList<>();
        List<String> units = new ArrayList<>(spec.pilotUnits());
        units.addAll(spec.controlUnits());
        // In a fixed order: Map.of's order changes from JVM to JVM, and with it the seeded draws.
        Map<String, double[]> shape = new java.util.LinkedHashMap<>();
        shape.put("handling_time", new double[] {45, -5, 30});
        shape.put("processing_days", new double[] {12, 0, 8});
        shape.put("first_time_right", new double[] {0.7, 0.02, 0.45});
        shape.put("appeal_overturn_rate", new double[] {0.3, 0, 0.45});
        for (var e : shape.entrySet()) {
            double[] s = e.getValue();
            double[] drift = new double[units.size()];
            for (LocalDate day = spec.baselineStart(); !day.isAfter(asOf); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
                boolean pre = day.isBefore(spec.start());
                if (!pre && day.isBefore(spec.postStart())) continue;
                for (int u = 0; u < units.size(); u++) {
                    if (day.getDayOfWeek() == DayOfWeek.MONDAY) drift[u] = 0.6 * drift[u] + 0.03 * s[0] * 0.8 * gauss(random);
                    boolean pilot = u < spec.pilotUnits().size();
                    long n = e.getKey().startsWith("appeal") ? 2 : 40;
                    double mean = s[0] + drift[u] + s[2] / Math.sqrt(n) * gauss(random) + (pilot && !pre ? s[1] : 0);
                    out.add(new CellStats(spec.id(), e.getKey(), units.get(u), pilot ? Arm.PILOT : Arm.CONTROL, pre ? Period.PRE : Period.POST, day,
                        TestCells.cell(n, mean, s[2])));
                }
            }
        }
        return out;
    }

    private static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
