package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.Columns;
import dk.gevinst.source.RecordReaders;
import dk.gevinst.source.Source;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every quarantine reason, from rows as an export writes them. */
class FileValidationTest {
    private static List<ValidatedRow> validate(Source source, String csv) {
        return FileValidation.validate(new RowValidator(source, PlausibilityBounds.DEFAULTS, Pseudonymizer.demo()), RecordReaders.csv(csv), false);
    }

    private static Map<Long, String> reasons(List<ValidatedRow> rows) {
        return rows.stream().filter(r -> !r.accepted()).collect(Collectors.toMap(ValidatedRow::line, ValidatedRow::reason));
    }

    @Test
    void caseRowsGetTheRightReasons() {
        List<ValidatedRow> rows = validate(Source.CASES, """
            case_id,unit,opened_at,decided_at,handling_minutes,reopened,caseworker_id,citizen_id,case_type,updated_at
            ok1,Ydelse Nord,2026-03-01,2026-03-02,35,nej,kw1,010190-1234,Boligstøtte,2026-03-02
            m1,,2026-03-01,2026-03-02,35,nej,kw1,,,
            b1,Ydelse Nord,2026-13-45,2026-03-02,35,nej,kw1,,,
            d1,Ydelse Nord,2026-03-10,2026-03-02,35,nej,kw1,,,
            n1,Ydelse Nord,2026-03-01,2026-03-02,-5,nej,kw1,,,
            i1,Ydelse Nord,2026-03-01,2026-03-02,20160,nej,kw1,,,
            ok1,Ydelse Nord,2026-03-01,2026-03-02,35,nej,kw1,010190-1234,Boligstøtte,2026-03-02
            r1,Ydelse Nord,2026-03-01,2026-03-02,35,måske,kw1,,,
            x1,Ydelse Nord
            twin,Ydelse Nord,2026-03-01,2026-03-02,35,nej,kw1,010190-1234,Boligstøtte,2026-03-02
            """);
        assertThat(rows).hasSize(10);
        assertThat(reasons(rows)).containsExactlyInAnyOrderEntriesOf(Map.of(
            3L, "missing:unit",
            4L, "bad_value:opened_at",
            5L, "decided_before_opened",
            6L, "negative:handling_minutes",
            7L, "implausible:handling_minutes",
            8L, "duplicate",
            9L, "bad_value:reopened",
            10L, "malformed_row",
            11L, "duplicate"));
        ValidatedRow ok = rows.get(0);
        assertThat(ok.accepted()).isTrue();
        assertThat((String) ok.values()[Source.CASES.indexOf(Columns.CASEWORKER_ID)]).startsWith("p_").doesNotContain("kw1");
        assertThat((String) ok.values()[Source.CASES.indexOf(Columns.CITIZEN_ID)]).startsWith("p_").doesNotContain("010190");
    }

    @Test
    void implausibleBoundsAreConfigurable() {
        var strict = new RowValidator(Source.CASES, PlausibilityBounds.DEFAULTS.with(Map.of("handling_minutes", 120.0)), Pseudonymizer.demo());
        var rows = FileValidation.validate(strict, RecordReaders.csv("case_id,unit,opened_at,handling_minutes\nc,U,2026-01-01,121\n"), false);
        assertThat(rows.get(0).reason()).isEqualTo("implausible:handling_minutes");
    }

    @Test
    void incompleteSusResponsesAndImplausibleScoresAreQuarantined() {
        StringBuilder csv = new StringBuilder("response_id,respondent_id,unit,answered_at,instrument,item,score\n");
        for (int i = 1; i <= 10; i++) csv.append("full,kw1,U,2026-06-15,sus,").append(i).append(",4\n");
        for (int i = 1; i <= 9; i++) csv.append("short,kw2,U,2026-06-15,sus,").append(i).append(",4\n");
        csv.append("core,kw3,U,2026-06-15,core_task,1,7\n");
        csv.append("pref,kw3,U,2026-06-15,preference,1,1\n");
        List<ValidatedRow> rows = validate(Source.SURVEY_RESPONSES, csv.toString());
        Map<String, Long> byReason = rows.stream().filter(r -> !r.accepted()).collect(Collectors.groupingBy(ValidatedRow::reason, Collectors.counting()));
        assertThat(byReason).containsExactlyInAnyOrderEntriesOf(Map.of("incomplete_response", 9L, "implausible:score", 1L));
        assertThat(rows.stream().filter(ValidatedRow::accepted).count()).isEqualTo(11);
    }

    @Test
    void costsAndUsageHaveTheirOwnRules() {
        assertThat(reasons(validate(Source.COSTS, "pilot_id,option,kind,amount_dkk\np,cloud,monthly,10\np,cloud,yearly,-1\np,cloud,one_off,5\n")))
            .containsExactlyInAnyOrderEntriesOf(Map.of(2L, "bad_value:kind", 3L, "negative:amount_dkk"));
        assertThat(reasons(validate(Source.USAGE, "user_id,unit,day,active_minutes\nu,U,2026-01-05,-15\nu,U,2026-01-06,2000\nu,U,2026-01-06,20\nu,U,2026-01-06,25\n")))
            // the implausible row claims no key, so the next row that day is accepted and only a true repeat is a duplicate
            .containsExactlyInAnyOrderEntriesOf(Map.of(2L, "negative:active_minutes", 3L, "implausible:active_minutes", 5L, "duplicate"));
    }

    @Test
    void cprNumbersInTextAreMaskedAndCountedButTheRowIsKept() {
        List<ValidatedRow> rows = validate(Source.CASES, "case_id,unit,opened_at,note\nc1,U,2026-01-05,Borger 0101901234 ringede\n");
        assertThat(rows.get(0).accepted()).isTrue();
        assertThat(rows.get(0).extras().get("note")).isEqualTo("Borger " + CprScrubber.MASK + " ringede");
        assertThat(rows.get(0).cprMasked()).containsExactly("note");
    }
}
