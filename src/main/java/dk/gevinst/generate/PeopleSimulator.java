package dk.gevinst.generate;

import dk.gevinst.generate.Scenario.Effect;
import dk.gevinst.generate.Scenario.Unit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Simulates what caseworkers report and do: survey waves (SUS, core task, preference) and daily use. */
final class PeopleSimulator {
    /** One answer; {@code candidate} names the system a procurement's preference answer is about (null elsewhere). */
    record SurveyRow(String responseId, String respondent, String unit, LocalDateTime answeredAt, String instrument, int item, int score,
                     String candidate) {
        SurveyRow(String responseId, String respondent, String unit, LocalDateTime answeredAt, String instrument, int item, int score) {
            this(responseId, respondent, unit, answeredAt, instrument, item, score, null);
        }
    }

    record UsageRow(String user, String unit, LocalDate day, double activeMinutes) {}

    private final Draws draws;
    private final Scenario.Cast cast;

    PeopleSimulator(Draws draws, Scenario.Cast cast) {
        this.draws = draws;
        this.cast = cast;
    }

    List<SurveyRow> surveys() {
        List<SurveyRow> out = new ArrayList<>();
        for (int w = 0; w < Scenario.SURVEY_WAVES.size(); w++) {
            LocalDate wave = Scenario.SURVEY_WAVES.get(w);
            for (Unit unit : cast.units()) {
                Effect effect = cast.effectFor(unit.name());
                double s = Scenario.strength(effect, wave);
                double unitLevel = 60 + (unit.code().hashCode() % 7);
                for (int k = 1; k <= unit.caseworkers(); k++) {
                    if (!draws.chance(0.85)) continue;
                    String who = "kw-" + unit.code() + "-" + String.format("%02d", k);
                    String id = "R" + (w + 1) + "-" + unit.code() + "-" + String.format("%02d", k);
                    LocalDateTime at = wave.plusDays(draws.between(0, 4)).atTime(draws.between(8, 15), draws.between(0, 59));
                    double sus = Math.max(0, Math.min(100, unitLevel + (effect == null ? 0 : s * effect.susShift()) + 12 * draws.normal()));
                    for (int item = 1; item <= 10; item++) {
                        double agree = sus / 100 * 4;
                        int score = (int) Math.round(item % 2 == 1 ? 1 + agree + 0.6 * draws.normal() : 5 - agree + 0.6 * draws.normal());
                        out.add(new SurveyRow(id, who, unit.name(), at, "sus", item, clamp(score, 1, 5)));
                    }
                    double core = 3.1 + (effect == null ? 0 : s * effect.coreTaskShift());
                    for (int item = 1; item <= 4; item++) {
                        out.add(new SurveyRow(id, who, unit.name(), at, "core_task", item, clamp((int) Math.round(core + 0.7 * draws.normal()), 1, 5)));
                    }
                    if (effect != null && s > 0) {
                        out.add(new SurveyRow(id, who, unit.name(), at, "preference", 1, draws.chance(effect.preferShare()) ? 1 : 0,
                            Scenario.CANDIDATE_OF_UNIT.get(unit.name())));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Daily use in the pilot units once the pilot starts. Each caseworker takes the system up on a day of
     * their own (about four weeks in, on average), and is then active on most working days.
     */
    List<UsageRow> usage() {
        List<UsageRow> out = new ArrayList<>();
        for (Effect effect : cast.effects()) {
            Unit unit = cast.units().stream().filter(u -> u.name().equals(effect.unit())).findFirst().orElseThrow();
            LocalDate[] adopts = new LocalDate[unit.caseworkers() + 1];
            for (int k = 1; k <= unit.caseworkers(); k++) adopts[k] = effect.from().plusDays(Math.round(draws.gamma(1, 28)));
            for (LocalDate day = effect.from(); !day.isAfter(Scenario.LAST_DAY); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
                for (int k = 1; k <= unit.caseworkers(); k++) {
                    boolean active = !day.isBefore(adopts[k]) ? draws.chance(0.7) : draws.chance(0.03);
                    double minutes = active ? Math.round(draws.logNormal(80, 0.5)) : 0;
                    out.add(new UsageRow("kw-" + unit.code() + "-" + String.format("%02d", k), unit.name(), day, minutes));
                }
            }
        }
        return out;
    }

    /** Seconds per analytical query in the data-lake trial: the old warehouse, then the lake. */
    List<double[]> queryTimes() {
        List<double[]> out = new ArrayList<>();
        for (LocalDate day = Scenario.FIRST_DAY; !day.isAfter(Scenario.LAST_DAY); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            double mean = day.isBefore(Scenario.DATALAKE_START) ? 38 : 2.1;
            out.add(new double[] {day.toEpochDay(), Math.round(draws.logNormal(mean, 0.18) * 100) / 100.0});
        }
        return out;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
