package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.testing.TempDirs;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every quarantine reason, from rows as an export writes them, through the real ingest. */
class QuarantineReasonsTest {
    @Test
    void everyReasonForEverySource(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/a.csv", """
            case_id,unit,opened_at,decided_at,handling_minutes,reopened,caseworker_id,citizen_id,case_type,updated_at,note
            ok1,Ydelse Nord,2026-03-01,2026-03-02,35,nej,kw1,010190-1234,Boligstøtte,2026-03-02,Borger 0101901234 ringede
            m1,,2026-03-01,2026-03-02,35,nej,kw1,,,,
            b1,Ydelse Nord,2026-13-45,2026-03-02,35,nej,kw1,,,,
            d1,Ydelse Nord,2026-03-10,2026-03-02,35,nej,kw1,,,,
            n1,Ydelse Nord,2026-03-01,2026-03-02,-5,nej,kw1,,,,
            i1,Ydelse Nord,2026-03-01,2026-03-02,20160,nej,kw1,,,,
            ok1,Ydelse Nord,2026-03-01,2026-03-02,35,nej,kw1,010190-1234,Boligstøtte,2026-03-02,
            r1,Ydelse Nord,2026-03-01,2026-03-02,35,måske,kw1,,,,
            x1,Ydelse Nord
            twin,Ydelse Nord,2026-03-01,2026-03-02,35,nej,kw1,010190-1234,Boligstøtte,2026-03-02,
            t1,Ydelse Nord,2026-03-01,2026-06-01T25:61,35,nej,kw1,,,,
            """);
        StringBuilder survey = new StringBuilder("response_id,respondent_id,unit,answered_at,instrument,item,score\n");
        for (int i = 1; i <= 10; i++) survey.append("full,kw1,U,2026-03-15,sus,").append(i).append(",4\n");
        for (int i = 1; i <= 9; i++) survey.append("short,kw2,U,2026-03-15,sus,").append(i).append(",4\n");
        survey.append("core,kw3,U,2026-03-15,core_task,1,7\npref,kw3,U,2026-03-15,preference,1,1\n");
        TempDirs.write(f.data, "survey_responses/s.csv", survey.toString());
        TempDirs.write(f.data, "costs/c.csv", "pilot_id,option,kind,amount_dkk\np,cloud,monthly,10\np,cloud,yearly,-1\np,cloud,one_off,5\n");
        TempDirs.write(f.data, "usage/u.csv", "user_id,unit,day,active_minutes\nu,U,2026-01-05,-15\nu,U,2026-01-06,2000\nu,U,2026-01-06,20\nu,U,2026-01-06,25\n");
        TempDirs.write(f.data, "tech_metrics/t.jsonl", "{\"pilot_id\":\"p\",\"day\":\"2026-01-05\",\"metric\":\"q\",\"value\":1.5}\n[1]\n{\"pilot_id\":\"p\",\"day\":\"5/1\",\"metric\":\"q\",\"value\":2}\n");

        IngestResult r = f.ingest("r1");

        assertThat(f.quarantine("cases/a.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(
            3L, "missing:unit", 4L, "bad_value:opened_at", 5L, "decided_before_opened", 6L, "negative:handling_minutes",
            7L, "implausible:handling_minutes", 8L, "duplicate", 9L, "bad_value:reopened", 10L, "malformed_row",
            11L, "duplicate", 12L, "bad_value:decided_at"));
        Row ok = f.stored(Source.CASES).get(0);
        assertThat(ok.<String>getAs(Columns.CASEWORKER_ID)).startsWith("p_").doesNotContain("kw1");
        assertThat(ok.<scala.collection.Map<String, String>>getAs(Columns.EXTRA).get("note").get()).as("free text is not kept").isEqualTo("<text>");
        assertThat(r.cprMasked()).containsEntry("cases.note", 1L);
        assertThat(IngestFixture.file(r, Source.SURVEY_RESPONSES, "survey_responses/s.csv").byReason())
            .containsExactlyInAnyOrderEntriesOf(Map.of("incomplete_response", 9L, "implausible:score", 1L));
        assertThat(f.quarantine("costs/c.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(2L, "bad_value:kind", 3L, "negative:amount_dkk"));
        // the implausible row claims no key, so the next row that day is accepted and only a true repeat is a duplicate
        assertThat(f.quarantine("usage/u.csv")).containsExactlyInAnyOrderEntriesOf(
            Map.of(2L, "negative:active_minutes", 3L, "implausible:active_minutes", 5L, "duplicate"));
        assertThat(f.quarantine("tech_metrics/t.jsonl")).containsExactlyInAnyOrderEntriesOf(Map.of(2L, "malformed_row", 3L, "bad_value:day"));
        for (SourceCounts c : r.counts().values()) {
            for (FileCounts file : c.files()) assertThat(file.rowsRead()).isEqualTo(file.rowsAccepted() + file.rowsQuarantined());
        }
    }

    @Test
    void implausibleBoundsAreConfigurable(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/a.csv", "case_id,unit,opened_at,handling_minutes\nc,U,2026-01-01,121\n");
        new SparkIngest().ingest(f.spark, new IngestRequest(dk.gevinst.storage.Storage.resolve(f.data.toString()), f.stateRoot(),
            PlausibilityBounds.DEFAULTS.with(Map.of("handling_minutes", 120.0)), dk.gevinst.privacy.Pseudonymizer.demo(), "r1", IngestFixture.AS_OF));
        assertThat(f.quarantine("cases/a.csv")).containsExactly(Map.entry(2L, "implausible:handling_minutes"));
    }

    /** Beyond ±10,000,000 a summed value is out_of_range (its bound raised, so implausible does not come first); a cost is not summed. */
    @Test
    void summedValuesBeyondTheExactSumsRangeAreOutOfRangeButACostIsNot(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "cases/a.csv", "case_id,unit,opened_at,handling_minutes\nc1,U,2026-01-01,20000000\nc2,U,2026-01-01,9999999\n");
        TempDirs.write(f.data, "usage/u.csv", "user_id,unit,day,active_minutes\nu,U,2026-01-05,20000000\n");
        TempDirs.write(f.data, "survey_responses/s.csv", "response_id,respondent_id,unit,answered_at,instrument,item,score\n"
            + "r1,kw1,U,2026-01-05,trivsel,1,20000000\nr2,kw1,U,2026-01-05,trivsel,1,-3\n");
        TempDirs.write(f.data, "tech_metrics/t.csv", "pilot_id,day,metric,value\np,2026-01-05,saldo,-20000000\np,2026-01-06,saldo,-12.5\n");
        TempDirs.write(f.data, "costs/c.csv", "pilot_id,option,kind,amount_dkk\np,cloud,one_off,2000000000\n");
        new SparkIngest().ingest(f.spark, new IngestRequest(dk.gevinst.storage.Storage.resolve(f.data.toString()), f.stateRoot(),
            PlausibilityBounds.DEFAULTS.with(Map.of("handling_minutes", 1e12, "active_minutes", 1e12)), dk.gevinst.privacy.Pseudonymizer.demo(), "r1",
            IngestFixture.AS_OF));
        assertThat(f.quarantine("cases/a.csv")).containsExactly(Map.entry(2L, "out_of_range:handling_minutes"));
        assertThat(f.quarantine("usage/u.csv")).containsExactly(Map.entry(2L, "out_of_range:active_minutes"));
        assertThat(f.quarantine("survey_responses/s.csv")).containsExactly(Map.entry(2L, "out_of_range:score"));
        assertThat(f.quarantine("tech_metrics/t.csv")).containsExactly(Map.entry(2L, "out_of_range:value"));
        assertThat(f.quarantine("costs/c.csv")).isEmpty();
    }

    @Test
    void aPreferenceNamesOnlyACandidateOfAComparisonCoveringItsUnit(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp);
        TempDirs.write(f.data, "survey_responses/p.csv", """
            response_id,respondent_id,unit,answered_at,instrument,item,score,candidate
            own,kw1,Nord,2026-06-15,preference,1,1,sagslet
            other,kw2,Nord,2026-06-15,preference,1,1,jobflow
            none,kw3,Nord,2026-06-15,preference,1,0,
            typo,kw4,Nord,2026-06-15,preference,1,1,sagslett
            elsewhere,kw5,Ydelse,2026-06-15,preference,1,1,sagslet
            control,kw6,Vest,2026-06-15,preference,1,0,jobflow
            core,kw7,Ydelse,2026-06-15,core_task,1,4,whatever
            """);
        CandidateIds ids = new CandidateIds(Map.of("Nord", java.util.Set.of("sagslet", "jobflow"), "Centrum", java.util.Set.of("sagslet", "jobflow"),
            "Vest", java.util.Set.of("sagslet", "jobflow")));
        new SparkIngest().ingest(f.spark, new IngestRequest(dk.gevinst.storage.Storage.resolve(f.data.toString()), f.stateRoot(),
            PlausibilityBounds.DEFAULTS, dk.gevinst.privacy.Pseudonymizer.demo(), "r1", IngestFixture.AS_OF).withCandidates(ids));
        // a misspelt id and an id in a unit no comparison covers are quarantined; other instruments ignore the column
        assertThat(f.quarantine("survey_responses/p.csv")).containsExactlyInAnyOrderEntriesOf(Map.of(
            5L, "unknown_candidate:candidate", 6L, "unknown_candidate:candidate"));
        assertThat(f.stored(Source.SURVEY_RESPONSES)).extracting(r -> r.<String>getAs(Columns.CANDIDATE))
            .containsExactlyInAnyOrder("sagslet", "jobflow", null, "jobflow", "whatever");
    }
}
