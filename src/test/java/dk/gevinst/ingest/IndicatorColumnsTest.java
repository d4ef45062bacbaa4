package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A file without a column a pilot's indicator needs is named for the pilots whose units the file's rows name. */
class IndicatorColumnsTest {
    private static PilotSpec spec(String id, String pilot, String control) throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse(id + ".yaml", """
            id: %s
            title: P
            start: 2026-03-02
            end: 2026-06-30
            baseline_start: 2026-01-05
            arms: {pilot: [%s], control: [%s]}
            indicators:
              handling_time: {role: success, mde: 1}
              fte: {role: descriptive, column: fte, direction: higher_is_better}
            """.formatted(id, pilot, control));
    }

    @Test
    void aFileIsNamedOnlyForThePilotsWhoseUnitsItsRowsName() throws Exception {
        List<PilotSpec> pilots = List.of(spec("north", "A", "B"), spec("south", "C", "D"), spec("control-only", "E", "A"));
        List<String> columns = List.of("case_id", "unit", "opened_at", "decided_at", "handling_minutes");
        List<FileProblem> named = IndicatorColumns.absent(List.of(
            new IndicatorColumns.FileColumns("cases", "cases/a.csv", columns, Set.of("A", "Q")),
            new IndicatorColumns.FileColumns("cases", "cases/unknown.csv", columns),
            new IndicatorColumns.FileColumns("cases", "cases/all-quarantined.csv", columns, Set.of())), pilots);

        assertThat(named).extracting(FileProblem::toString).containsExactly(
            "cases/a.csv: has no column 'fte', so its rows give nothing to fte (control-only), fte (north)",
            "cases/unknown.csv: has no column 'fte', so its rows give nothing to fte (control-only), fte (north), fte (south)",
            "cases/all-quarantined.csv: has no column 'fte', so its rows give nothing to fte (control-only), fte (north), fte (south)");
    }
}
