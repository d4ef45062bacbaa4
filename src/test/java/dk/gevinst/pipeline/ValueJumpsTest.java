package dk.gevinst.pipeline;

import static dk.gevinst.testing.TestCells.cell;
import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.Period;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.publish.HealthFlag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stranger's file with handling minutes ×10 read as 'rose 252 %' with no word of the jump. */
class ValueJumpsTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    private static PilotSpec spec() throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse("t.yaml", """
            id: p
            title: "P"
            start: 2026-02-02
            end: 2026-06-30
            baseline_start: 2026-01-05
            arms: {pilot: [A], control: [B]}
            indicators:
              handling_time: {role: success, mde: "10%"}
              sus: {role: descriptive}
            """);
    }

    /** Ten weeks of one unit's handling time, a cell on each Tuesday, {@code n} cases around {@code mean}, week 7 at {@code odd}. */
    private static List<CellStats> weeks(String unit, Arm arm, long n, double mean, double odd, long oddN) {
        List<CellStats> out = new ArrayList<>();
        for (int w = 0; w < 10; w++) {
            LocalDate day = MONDAY.plusWeeks(w).plusDays(1);
            Period period = day.isBefore(LocalDate.of(2026, 2, 2)) ? Period.PRE : Period.POST;
            out.add(new CellStats("p", "handling_time", unit, arm, period, day, w == 7 ? cell(oddN, odd, 5) : cell(n, mean + w % 3, 5)));
        }
        return out;
    }

    @Test
    void aWeekTenTimesItsTeamsUsualLevelIsNamedAndTheNoisyOrOrdinaryOnesAreNot() throws Exception {
        List<CellStats> cells = new ArrayList<>(weeks("A", Arm.PILOT, 20, 40, 410, 20));
        cells.addAll(weeks("B", Arm.CONTROL, 20, 60, 61, 20));
        List<CellStats> noisy = weeks("C", Arm.CONTROL, 20, 50, 500, 4);
        cells.addAll(noisy);
        cells.add(new CellStats("p", "sus", "A", Arm.PILOT, Period.POST, MONDAY.plusWeeks(7), cell(20, 95, 5)));

        List<ValueJumps.Jump> jumps = ValueJumps.of(spec(), cells);
        assertThat(jumps).as("B is ordinary, C's odd week has 4 cases, SUS is on a scale of its own").hasSize(1);
        ValueJumps.Jump j = jumps.get(0);
        assertThat(j.unit()).isEqualTo("A");
        assertThat(j.week()).isEqualTo(LocalDate.of(2026, 2, 23));
        assertThat(j.mean()).isEqualTo(410);
        assertThat(j.usual()).isEqualTo(41);

        HealthFlag flag = ValueJumps.flag(spec(), jumps);
        assertThat(flag.code()).isEqualTo("value_jump");
        assertThat(flag.severity()).isEqualTo(HealthFlag.Severity.WARNING);
        assertThat(flag.textEn()).isEqualTo("A team's week stands out from its usual level: Handling time in A in the week of 23\u00a0February\u00a02026: on average "
            + "410.0\u00a0min against a usual 41.0\u00a0min (10 times as much, 20 cases). Did the export change its unit (seconds, hours) or its figures? "
            + "The week's cases count in the decision until the file is corrected and delivered again.");
        assertThat(flag.textDa()).startsWith("Et teams uge skiller sig ud fra dets sædvanlige niveau: Sagsbehandlingstid i A i ugen fra 23.\u00a0februar\u00a02026: "
            + "i gennemsnit 410,0\u00a0min mod typisk 41,0\u00a0min (10 gange så meget, 20 sager).");
        assertThat(flag.toJson().path("weeks")).hasSize(1);
    }

    @Test
    void aWeekAtATenthIsNamedToo() throws Exception {
        List<ValueJumps.Jump> jumps = ValueJumps.of(spec(), weeks("A", Arm.PILOT, 20, 40, 4, 20));
        assertThat(jumps).hasSize(1);
        assertThat(ValueJumps.flag(spec(), jumps).textEn()).contains("(1/10 of it, 20 cases)");
    }
}
