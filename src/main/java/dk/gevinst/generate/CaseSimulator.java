package dk.gevinst.generate;

import dk.gevinst.generate.Scenario.Effect;
import dk.gevinst.generate.Scenario.Unit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulates cases: a weekly rhythm (busy Mondays, quiet Fridays, closed weekends), lasting differences
 * between units, each unit's persistent week-to-week drift, a common seasonal trend, each pilot's true
 * effect, and versions that arrive later:
 * an open version, the decision, and sometimes a reopening or an appeal weeks after.
 */
final class CaseSimulator {
    private static final double[] WEEKDAY_VOLUME = {1.3, 1.1, 1.0, 0.9, 0.7};
    private static final int WARM_UP_DAYS = 70;
    private static final LocalDate FIRST_SIMULATED = Scenario.FIRST_DAY.minusDays(WARM_UP_DAYS);
    private final Draws draws;
    private final double scale;
    private final Map<String, double[]> drift = new HashMap<>();
    private final Scenario.Cast cast;

    CaseSimulator(Draws draws, double scale, Scenario.Cast cast) {
        this.draws = draws;
        this.scale = scale;
        this.cast = cast;
        int weeks = (int) ChronoUnit.WEEKS.between(FIRST_SIMULATED, Scenario.LAST_DAY) + 2;
        double innovation = Scenario.DRIFT_SD * Math.sqrt(1 - Scenario.DRIFT_RHO * Scenario.DRIFT_RHO);
        for (Unit unit : cast.units()) {
            double[] d = new double[weeks];
            d[0] = Scenario.DRIFT_SD * draws.normal();
            for (int w = 1; w < weeks; w++) d[w] = Scenario.DRIFT_RHO * d[w - 1] + innovation * draws.normal();
            drift.put(unit.name(), d);
        }
    }

    /** The unit's drift factor in the week of {@code day}. */
    private double drift(Unit unit, LocalDate day) {
        return 1 + drift.get(unit.name())[(int) ChronoUnit.WEEKS.between(FIRST_SIMULATED, day)];
    }

    List<CaseVersion> simulate() {
        List<CaseVersion> out = new ArrayList<>();
        int sequence = cast.firstCase();
        // Cases opened before the first export day are simulated too, so January's decisions include the
        // slow cases opened in the autumn; otherwise early weeks would show only quick cases.
        for (LocalDate day = Scenario.FIRST_DAY.minusDays(WARM_UP_DAYS); !day.isAfter(Scenario.LAST_DAY); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            for (Unit unit : cast.units()) {
                int n = draws.poisson(unit.casesPerWeekday() * scale * WEEKDAY_VOLUME[day.getDayOfWeek().getValue() - 1]);
                for (int i = 0; i < n; i++) out.addAll(versions(unit, day, ++sequence));
            }
        }
        return out;
    }

    /** A slow seasonal swing shared by all units, and the summer holidays that lengthen waiting time. */
    static double seasonal(LocalDate day) {
        return 1 + 0.06 * Math.sin(2 * Math.PI * (day.getDayOfYear() - 30) / 365.0);
    }

    static double summer(LocalDate day) {
        return day.getMonthValue() == 7 ? 1.25 : 1.0;
    }

    private List<CaseVersion> versions(Unit unit, LocalDate day, int sequence) {
        Effect effect = cast.effectFor(unit.name());
        double s = Scenario.strength(effect, day);
        double handlingFactor = effect == null ? 1 : 1 - s * (1 - effect.handlingFactor());
        double processingFactor = effect == null ? 1 : 1 - s * (1 - effect.processingFactor());
        LocalDateTime opened = day.atTime(draws.between(8, 15), draws.between(0, 59));
        double team = drift(unit, day);
        double processing = draws.gamma(4, unit.processingDays() * processingFactor * summer(day) * team);
        LocalDateTime decided = opened.plusMinutes(Math.round(processing * 24 * 60));
        double minutes = Math.round(draws.logNormal(unit.handlingMinutes() * handlingFactor * seasonal(day) * team, 0.30) * 10) / 10.0;
        String caseworker = "kw-" + unit.code() + "-" + String.format("%02d", draws.between(1, unit.caseworkers()));
        String citizen = draws.cpr();
        String type = draws.pick(unit.caseTypes());
        // A case type takes its own time (Ressourceforløb far longer than Sygedagpenge). Applied after the draws, so
        // every other value of the sample is drawn as before; the factors average 1 over a unit's types.
        if (minutes > 0) minutes = Math.round(minutes * Scenario.handlingFactorOf(type) * 10) / 10.0;
        String id = switch (unit.system()) {
            case YDELSE -> "YD-";
            case JOBCENTER -> "JC-";
            case BORGERSERVICE -> "BS-";
        } + day.getYear() + "-" + String.format("%06d", sequence);
        String note = unit.system() == Scenario.System.YDELSE && draws.chance(0.1) ? draws.pick(NOTES) : null;
        boolean reopened = draws.chance(Math.max(0, unit.reopenRate() + (effect == null ? 0 : s * effect.reopenShift())));
        boolean appealed = draws.chance(0.05);
        boolean overturned = appealed && draws.chance(0.3);
        List<CaseVersion> v = new ArrayList<>();
        boolean openKnown = draws.chance(0.25) || decided.toLocalDate().isAfter(Scenario.LAST_DAY);
        if (openKnown) v.add(new CaseVersion(unit.system(), id, unit.name(), type, opened, null, null, caseworker, citizen, false, false, false,
            opened.plusMinutes(draws.between(5, 90)), note));
        LocalDateTime decidedExport = decided.plusHours(draws.between(1, 48));
        v.add(new CaseVersion(unit.system(), id, unit.name(), type, opened, decided, minutes, caseworker, citizen, false, false, false, decidedExport, note));
        if (reopened) v.add(new CaseVersion(unit.system(), id, unit.name(), type, opened, decided, minutes, caseworker, citizen, true, false, false,
            decided.plusDays(draws.between(2, 28)), note));
        if (appealed) v.add(new CaseVersion(unit.system(), id, unit.name(), type, opened, decided, minutes, caseworker, citizen, reopened, true, overturned,
            decided.plusDays(draws.between(20, 80)), note));
        return v.stream().filter(x -> !x.updatedAt().toLocalDate().isAfter(Scenario.LAST_DAY)
            && !x.updatedAt().toLocalDate().isBefore(Scenario.FIRST_DAY)).toList();
    }

    private static final List<String> NOTES = List.of("Borger har ringet og spurgt til status", "Afventer dokumentation fra borger",
        "Partshøring sendt", "Sagen er drøftet på teammøde");
}
