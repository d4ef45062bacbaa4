package dk.gevinst.decision;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.stats.Moments;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulated pilots with team-by-week shocks, run night by night through the real evaluation
 * ({@link PilotEvaluator}: the indicator evaluator, the decision rule, the frozen final look). One pilot team,
 * J control teams, m cases per team and week on weekdays, 17 baseline and 26 pilot weeks. Everything is in
 * units of the case standard deviation: handling time has mean {@value #LEVEL} case SDs (60 minutes with a
 * case SD of 40), each team's weekly level carries a shock (independent per week, or AR(1) persistent) of a
 * given size, on top of a season all teams share. The pilot team's level moves by {@code effect} from the start.
 *
 * <p>Every weekday night from four weeks after the start is looked at (the confidence sequence every night;
 * the team-level fit changes when a week completes, as in production); the end night also makes the final
 * fixed look, and nights after the end (extension) use that frozen look. A night before the end whose
 * case-level confidence sequence shows "better" neither absolutely nor relatively cannot GO (the decision
 * interval is the wider of case- and team-level, and the relative one scales with it), so only the nights
 * where it does are run through the whole evaluation: the same outcomes at a fraction of the cost. The
 * case-level look alone is counted too: today's rule, the comparator the simulation must be able to fail.
 */
final class TeamDriftSimulation {
    static final LocalDate BASELINE = LocalDate.of(2026, 1, 5);
    static final LocalDate START = BASELINE.plusWeeks(17);
    static final LocalDate END = START.plusWeeks(26).minusDays(1);
    static final int LOOK_FROM_WEEK = 4;
    static final int EXTENSION_WEEKS = 4;
    static final double LEVEL = 1.5;

    /** One setting: controls, shock size (case SDs), AR(1) correlation of the shock (0: independent), cases per team and week, the planted effect (case SDs). */
    record Setting(int controls, double shock, double rho, int perWeek, double effect) {
        @Override
        public String toString() {
            return String.format("J=%d shock=%.2f rho=%.1f m=%d effect=%.3f", controls, shock, rho, perWeek, effect);
        }
    }

    /**
     * How many pilots went GO, and when (the first GO night, in whole weeks after the start; the final look
     * is week 26, extension nights after it), and how many the case-level confidence sequence alone would
     * ever have shown "better" before the end.
     */
    record Outcome(Setting setting, int pilots, int go, int caseLevelBetter, int[] firstGoWeek) {
        double rate() {
            return (double) go / pilots;
        }

        double caseLevelRate() {
            return (double) caseLevelBetter / pilots;
        }
    }

    private final PilotSpec spec;
    private final double level;
    private final boolean extension;

    /** @param extension look on through max_extension_weeks after the end (the power test), or stop at the final look (A/A) */
    TeamDriftSimulation(int controls, boolean extension) throws Exception {
        StringBuilder units = new StringBuilder();
        for (int j = 1; j <= controls; j++) units.append(j > 1 ? ", " : "").append("C").append(j);
        this.spec = new PilotSpecParser(Catalog.builtIn()).parse("sim.yaml", """
            id: p
            title: "Simulated pilot"
            start: %s
            end: %s
            baseline_start: %s
            arms: {pilot: [P], control: [%s]}
            indicators:
              handling_time: {role: success, mde: 0.001}
            decision: {alpha: 0.05, min_cases: 10, max_extension_weeks: %d}
            """.formatted(START, END, BASELINE, units, EXTENSION_WEEKS));
        this.level = IndicatorEvaluator.level(spec, spec.indicators().get(0));
        this.extension = extension;
    }

    Outcome run(Setting s, int pilots, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int go = 0, caseLevel = 0;
        int[] first = new int[27 + EXTENSION_WEEKS];
        for (int p = 0; p < pilots; p++) {
            Looks looks = look(draw(s, random));
            if (looks.firstGo >= 0) {
                go++;
                first[looks.firstGo]++;
            }
            if (looks.caseLevelBetter) caseLevel++;
        }
        return new Outcome(s, pilots, go, caseLevel, first);
    }

    private record Looks(int firstGo, boolean caseLevelBetter) {}

    private Looks look(List<CellStats> all) {
        DriftFits fits = new DriftFits();
        var indicator = spec.indicators().get(0);
        List<Double> levels = List.of(level);
        LocalDate last = extension ? END.plusWeeks(EXTENSION_WEEKS) : END;
        boolean caseLevelBetter = false;
        Map<String, Analysis> frozen = Map.of();
        for (LocalDate night = START.plusWeeks(LOOK_FROM_WEEK); !night.isAfter(last); night = night.plusDays(1)) {
            if (night.getDayOfWeek() == DayOfWeek.SATURDAY) continue; // Friday's data, Friday's incomplete week
            LocalDate asOf = night;
            List<CellStats> known = all.stream().filter(c -> !c.day().isAfter(asOf)).toList();
            if (night.isBefore(END)) {
                Analysis cheap = AnalysisMaker.make(Analysis.SEQUENTIAL, spec, indicator, known, Design.DID, asOf, false, levels, false, fits);
                Analysis.Bound b = cheap == null ? null : cheap.at(level);
                // lower is better: "better" needs high < 0 on the absolute or the relative scale
                if (b == null || b.high() >= 0 && !(b.relativeHigh() < 0)) continue;
                caseLevelBetter = true;
            }
            PilotEvaluation e = PilotEvaluator.evaluate(spec, new CellTable(known), List.of(), asOf, frozen, fits);
            IndicatorResult r = e.indicators().get(0);
            if (night.equals(END) && r.fixed() != null) frozen = Map.of(indicator.id(), r.fixed());
            if (e.decision().outcome() == dk.gevinst.decision.Outcome.GO) {
                int week = night.isBefore(END) ? (int) ChronoUnit.WEEKS.between(START, asOf) : 26 + (int) ChronoUnit.WEEKS.between(END, asOf);
                return new Looks(week, caseLevelBetter);
            }
        }
        return new Looks(-1, caseLevelBetter);
    }

    /** One pilot's day cells: per team and weekday, the exact sufficient statistics of m/5 normal cases. */
    List<CellStats> draw(Setting s, SplittableRandom r) {
        int units = 1 + s.controls();
        int weeks = 43 + (extension ? EXTENSION_WEEKS : 0);
        double[][] shock = new double[units][weeks];
        for (int u = 0; u < units; u++) {
            shock[u][0] = s.shock() * normal(r);
            for (int w = 1; w < weeks; w++) {
                shock[u][w] = s.rho() * shock[u][w - 1] + s.shock() * Math.sqrt(1 - s.rho() * s.rho()) * normal(r);
            }
        }
        int perDay = s.perWeek() / 5;
        List<CellStats> out = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            LocalDate monday = BASELINE.plusWeeks(w);
            Period period = monday.isBefore(START) ? Period.PRE : Period.POST;
            for (int d = 0; d < 5; d++) {
                LocalDate day = monday.plusDays(d);
                for (int u = 0; u < units; u++) {
                    double mean = LEVEL + 0.1 * Math.sin(w / 8.0) + shock[u][w] + (u == 0 && period == Period.POST ? s.effect() : 0);
                    out.add(new CellStats("p", "handling_time", u == 0 ? "P" : "C" + u, u == 0 ? Arm.PILOT : Arm.CONTROL, period, day,
                        cases(perDay, mean, r)));
                }
            }
        }
        return out;
    }

    /** The sufficient statistics of n independent N(mean, 1) cases, drawn exactly: the sum and the χ² sum of squares about it. */
    static Moments cases(int n, double mean, SplittableRandom r) {
        double sum = n * mean + Math.sqrt(n) * normal(r);
        double ss = 0;
        for (int i = 0; i < n - 1; i++) {
            double z = normal(r);
            ss += z * z;
        }
        return new Moments(n, sum, ss + sum * sum / n);
    }

    static double normal(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
