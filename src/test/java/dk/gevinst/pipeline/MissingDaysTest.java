package dk.gevinst.pipeline;

import static dk.gevinst.testing.TestCells.cell;
import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.publish.HealthFlag;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A night operator's missing day of one system's exports went unsaid: every estimate simply had a day less. */
class MissingDaysTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 5);
    private static final LocalDate LAST = LocalDate.of(2026, 3, 27);

    private static PilotSpec spec(String extra) throws Exception {
        return spec("p", "2026-04-06", "2026-01-05", "{pilot: [A], control: [B]}", "  sus: {role: descriptive}\n" + extra);
    }

    /** A spec with handling time as its core task, its teams written as YAML's arms; {@code extra} lines follow the indicators. */
    private static PilotSpec spec(String id, String start, String baselineStart, String arms, String extra) throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse(id + ".yaml", """
            id: %s
            title: "%s"
            start: %s
            end: 2026-06-30
            baseline_start: %s
            arms: %s
            indicators:
              handling_time: {role: success, mde: "10%%"}
            """.formatted(id, id.toUpperCase(java.util.Locale.ROOT), start, baselineStart, arms) + extra);
    }

    /**
     * A team's handling-time cells on each weekday from 5 January to 27 March, {@code n} cases a day (a Friday has
     * two fewer), none at weekends; the days {@code missing} accepts have no cell.
     */
    private static List<CellStats> team(String unit, Arm arm, long n, Predicate<LocalDate> missing) {
        List<CellStats> out = new ArrayList<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || missing.test(d)) continue;
            long cases = d.getDayOfWeek() == DayOfWeek.FRIDAY ? n - 2 : n;
            out.add(new CellStats("p", "handling_time", unit, arm, Period.PRE, d, cell(cases, 40, 10)));
        }
        return out;
    }

    private static List<MissingDays.Gap> gaps(PilotSpec spec, List<CellStats> cells) {
        return MissingDays.of(spec, MissingDays.Counts.of(List.of(spec), new CellTable(cells), 5));
    }

    @Test
    void aBusyTeamsEmptyWeekdayWhileTheOtherTeamWorkedIsNamedWithItsUsualCount() throws Exception {
        LocalDate wednesday = LocalDate.of(2026, 2, 11);
        List<CellStats> cells = new ArrayList<>(team("A", Arm.PILOT, 14, wednesday::equals));
        cells.addAll(team("B", Arm.CONTROL, 14, d -> false));

        List<MissingDays.Gap> gaps = gaps(spec(""), cells);
        assertThat(gaps).containsExactly(new MissingDays.Gap("A", wednesday, wednesday, 1, 14));

        HealthFlag flag = MissingDays.flag(gaps);
        assertThat(flag.code()).isEqualTo("missing_days");
        assertThat(flag.severity()).isEqualTo(HealthFlag.Severity.WARNING);
        assertThat(flag.textEn()).isEqualTo("Days without decided cases from a team that usually has many, while other teams decided cases: A on 11\u00a0February\u00a02026 "
            + "(usually 14 decided cases). Is a day's export missing or late? The decision rests on the cases that have arrived; the days count as soon as "
            + "the export is delivered.");
        assertThat(flag.textDa()).startsWith("Dage uden afgjorte sager fra et team, der plejer at have mange, mens andre teams afgjorde sager: A den 11.\u00a0februar\u00a02026 "
            + "(plejer at have 14 afgjorte sager).");
        assertThat(flag.toJson().path("gaps").path(0).path("from").asText()).isEqualTo("2026-02-11");
    }

    @Test
    void aDayWithoutCasesAnywhereIsAHolidayAndWeekendsAndSmallTeamsAreTheirOwnUsual() throws Exception {
        LocalDate holiday = LocalDate.of(2026, 3, 6);
        LocalDate tuesday = LocalDate.of(2026, 2, 17);
        List<CellStats> cells = new ArrayList<>(team("A", Arm.PILOT, 14, holiday::equals));
        // B is a small team: two cases a day (none on Fridays), so an empty Tuesday is no news.
        cells.addAll(team("B", Arm.CONTROL, 2, d -> d.equals(holiday) || d.equals(tuesday)));

        assertThat(gaps(spec(""), cells)).as("nobody worked on the holiday; B's empty Tuesday is within its usual; weekends are empty every week").isEmpty();

        // The same holiday with the other team at work is a missing day of A's after all.
        List<CellStats> busy = new ArrayList<>(team("A", Arm.PILOT, 14, holiday::equals));
        busy.addAll(team("B", Arm.CONTROL, 14, d -> false));
        assertThat(gaps(spec(""), busy)).extracting(MissingDays.Gap::from).containsExactly(holiday);

        // One of four busy teams at work on the day (Christmas Eve, say) does not make it a working day for the others.
        PilotSpec four = spec("p", "2026-04-06", "2026-01-05", "{pilot: [A], control: [B, C, D]}", "");
        List<CellStats> oneAtWork = new ArrayList<>();
        for (String unit : List.of("A", "B", "C")) oneAtWork.addAll(team(unit, unit.equals("A") ? Arm.PILOT : Arm.CONTROL, 14, holiday::equals));
        oneAtWork.addAll(team("D", Arm.CONTROL, 14, d -> false));
        assertThat(gaps(four, oneAtWork)).isEmpty();
        // Two of four are a third: the others' empty day is news.
        oneAtWork.removeIf(c -> c.unit().equals("C"));
        oneAtWork.addAll(team("C", Arm.CONTROL, 14, d -> false));
        assertThat(gaps(four, oneAtWork)).extracting(MissingDays.Gap::unit).containsExactly("A", "B");
    }

    @Test
    void aWeekWhenEveryTeamDecidesAThirdOfItsUsualIsStillAWorkingWeek() throws Exception {
        // After Christmas few cases are decided anywhere; a pilot team whose export stopped then must still be seen.
        LocalDate monday = LocalDate.of(2026, 2, 9);
        Predicate<LocalDate> thinWeek = d -> !d.isBefore(monday) && d.isBefore(monday.plusDays(5));
        List<CellStats> cells = new ArrayList<>();
        for (CellStats c : team("A", Arm.PILOT, 14, thinWeek)) cells.add(c);
        for (CellStats c : team("B", Arm.CONTROL, 30, d -> false)) {
            cells.add(thinWeek.test(c.day()) ? new CellStats("p", c.indicatorId(), "B", Arm.CONTROL, Period.PRE, c.day(), cell(9, 40, 10)) : c);
        }
        assertThat(gaps(spec(""), cells)).containsExactly(new MissingDays.Gap("A", monday, monday.plusDays(4), 5, 14, 12, 14));
    }

    @Test
    void aSystemWhoseNewestDayIsOnItsWayIsNoGapUntilItLagsMoreThanFreshnessAllows() throws Exception {
        LocalDate wednesday = LAST.minusDays(2);
        List<CellStats> cells = new ArrayList<>(team("A", Arm.PILOT, 14, d -> d.isAfter(wednesday)));
        cells.addAll(team("B", Arm.CONTROL, 14, d -> false));
        PilotSpec spec = spec("");
        assertThat(MissingDays.of(spec, MissingDays.Counts.of(List.of(spec), new CellTable(cells), 5))).as("two days behind, five allowed").isEmpty();
        assertThat(MissingDays.of(spec, MissingDays.Counts.of(List.of(spec), new CellTable(cells), 1)))
            .containsExactly(new MissingDays.Gap("A", LAST.minusDays(1), LAST, 2, 13, 12, 14));
    }

    @Test
    void aTeamInTwoPilotsIsJudgedOnEachPilotsOwnDays() throws Exception {
        LocalDate january = LocalDate.of(2026, 1, 14);
        PilotSpec p = spec("");
        PilotSpec q = spec("q", "2026-04-06", "2026-02-16", "{pilot: [A], control: [C]}", "");
        List<CellStats> cells = new ArrayList<>(team("A", Arm.PILOT, 14, january::equals));
        cells.addAll(team("B", Arm.CONTROL, 14, d -> false));
        // q's cells begin at its baseline: A's empty day in January is p's business, not q's.
        for (CellStats c : team("A", Arm.PILOT, 14, d -> false)) {
            if (!c.day().isBefore(q.baselineStart())) cells.add(new CellStats("q", c.indicatorId(), "A", Arm.PILOT, Period.PRE, c.day(), c.moments()));
        }
        MissingDays.Counts counts = MissingDays.Counts.of(List.of(p, q), new CellTable(cells), 5);
        assertThat(MissingDays.of(p, counts)).extracting(MissingDays.Gap::from).containsExactly(january);
        assertThat(MissingDays.of(q, counts)).isEmpty();
    }

    @Test
    void aStalePilotOrOneWithoutAFreshnessExpectationForCasesGetsNoWarning() throws Exception {
        LocalDate wednesday = LocalDate.of(2026, 2, 11);
        List<CellStats> cells = new ArrayList<>(team("A", Arm.PILOT, 14, wednesday::equals));
        cells.addAll(team("B", Arm.CONTROL, 14, d -> false));
        PilotSpec spec = spec("");
        MissingDays.Counts counts = MissingDays.Counts.of(List.of(spec), new CellTable(cells), 5);
        PilotHealth fresh = new PilotHealth(LAST, List.of(), List.of(), List.of(), List.of(), List.of(), UnknownCandidates.NONE, List.of(), List.of(),
            List.of(), List.of(), List.of());
        assertThat(fresh.withMissingDays(spec, counts, dk.gevinst.config.Freshness.DEFAULT).dataFlags()).extracting(HealthFlag::code)
            .containsExactly("missing_days");
        assertThat(fresh.withMissingDays(spec, counts, dk.gevinst.config.Freshness.DEFAULT.with(java.util.Collections.singletonMap(
            dk.gevinst.source.Source.CASES, null))).dataFlags()).isEmpty();
        PilotHealth stale = new PilotHealth(LAST, List.of(new PilotHealth.StaleSource(dk.gevinst.source.Source.CASES, LAST, LAST.plusDays(2), 5)),
            List.of(), List.of(), List.of(), List.of(), UnknownCandidates.NONE, List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(stale.withMissingDays(spec, counts, dk.gevinst.config.Freshness.DEFAULT).dataFlags()).isEmpty();
    }

    @Test
    void aSystemsMissingDayIsSaidOnceForAllItsTeams() throws Exception {
        LocalDate wednesday = LocalDate.of(2026, 2, 11), thursday = LocalDate.of(2026, 3, 5);
        PilotSpec spec = spec("p", "2026-04-06", "2026-01-05", "{pilot: [A], control: [B, C]}", "");
        List<CellStats> cells = new ArrayList<>(team("A", Arm.PILOT, 14, wednesday::equals));
        cells.addAll(team("B", Arm.CONTROL, 20, d -> d.equals(wednesday) || d.equals(thursday)));
        // C is of another system, whose export of that Wednesday came.
        cells.addAll(team("C", Arm.CONTROL, 14, d -> false));

        List<MissingDays.Gap> gaps = gaps(spec, cells);
        assertThat(gaps).containsExactly(new MissingDays.Gap("A", wednesday, wednesday, 1, 14), new MissingDays.Gap("B", wednesday, wednesday, 1, 20),
            new MissingDays.Gap("B", thursday, thursday, 1, 20));
        assertThat(MissingDays.flag(gaps).textEn()).as("the newest first").isEqualTo("Days without decided cases from a team that usually has many, while "
            + "other teams decided cases: B on 5\u00a0March\u00a02026 (usually 20 decided cases); A and B on 11\u00a0February\u00a02026 (usually 14 to 20 decided cases). Is a "
            + "day's export missing or late? The decision rests on the cases that have arrived; the days count as soon as the export is delivered.");
    }

    @Test
    void aTeamWhoseExportStoppedWeeksAgoIsOneGapMeasuredAgainstItsWeeksBefore() throws Exception {
        LocalDate stop = LocalDate.of(2026, 2, 9);
        List<CellStats> cells = new ArrayList<>(team("A", Arm.PILOT, 14, d -> !d.isBefore(stop)));
        cells.addAll(team("B", Arm.CONTROL, 14, d -> false));
        // Another indicator of A's with fewer cases each day speaks for the same days: the larger count is the day's.
        cells.add(new CellStats("p", "sus", "A", Arm.PILOT, Period.PRE, LocalDate.of(2026, 1, 14), cell(3, 80, 5)));

        List<MissingDays.Gap> gaps = gaps(spec(""), cells);
        assertThat(gaps).as("seven weeks of weekdays, Friday to Monday one stretch").hasSize(1);
        assertThat(gaps.get(0)).isEqualTo(new MissingDays.Gap("A", stop, LAST, 35, 14, 12, 14));
        assertThat(MissingDays.flag(gaps).textEn()).contains("A from 9\u00a0February\u00a02026 to 27\u00a0March\u00a02026 (usually 12 to 14 decided cases)");
    }

    @Test
    void theRampUpHasNoCellsByDesignAndIsNoGap() throws Exception {
        PilotSpec spec = spec("p", "2026-02-02", "2026-01-05", "{pilot: [A], control: [B]}", "ramp_up_days: 14\n");
        Predicate<LocalDate> rampUp = d -> !d.isBefore(spec.start()) && d.isBefore(spec.postStart());
        List<CellStats> cells = new ArrayList<>(team("A", Arm.PILOT, 14, rampUp));
        cells.addAll(team("B", Arm.CONTROL, 14, rampUp));
        // Another pilot whose teams worked through p's ramp-up makes those days open.
        cells.addAll(team("C", Arm.CONTROL, 14, d -> false).stream()
            .map(c -> new CellStats("q", c.indicatorId(), c.unit(), c.arm(), c.period(), c.day(), c.moments())).toList());
        PilotSpec q = spec("q", "2026-04-06", "2026-01-05", "{pilot: [C], control: [D]}", "");
        MissingDays.Counts counts = MissingDays.Counts.of(List.of(spec, q), new CellTable(cells), 5);
        assertThat(counts.open(LocalDate.of(2026, 2, 4))).isTrue();
        assertThat(MissingDays.of(spec, counts)).isEmpty();
        assertThat(MissingDays.of(q, counts)).isEmpty();
    }
}
