package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.gevinst.cells.KeptVersionCounts;
import dk.gevinst.cells.StateTables;
import dk.gevinst.source.Source;
import dk.gevinst.testing.SparkActivity;
import dk.gevinst.testing.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version counts kept between nights (cells.KeptVersionCounts) equal a count over the whole state, exactly, over
 * a sequence of nights: late updates and an exact duplicate in a new file, rows dated ahead that become known
 * with no new file, a stale kept file (a run killed before writing it), a re-delivered file, a withdrawn file, a
 * replay, a rerun, an unreadable kept file and a file as large as the state again. A forward night shuffles only
 * the touched keys' rows, never the state, and a rerun of a night starts no Spark job.
 */
class KeptVersionCountsTest {
    private static final String CASES = "case_id,unit,opened_at,handling_minutes,updated_at\n";
    private static final String USAGE = "user_id,unit,day,active_minutes\n";
    /** Rows of cases in the state after the first night: a recount shuffles each of them. */
    private static final int STATE_ROWS = 320;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsKeptBetweenNightsEqualACountOfTheWholeStateEveryNight(@TempDir Path tmp) throws Exception {
        IngestFixture f = new IngestFixture(tmp.resolve("nights"));
        StringBuilder base = new StringBuilder(CASES);
        for (int i = 1; i <= 300; i++) base.append(String.format("k%03d,U1,2026-03-01,35,2026-03-02%n", i));
        for (int i = 1; i <= 20; i++) base.append(String.format("k%03d,U1,2026-03-01,40,2026-03-09%n", i));
        TempDirs.write(f.data, "cases/base.csv", base.toString());
        TempDirs.write(f.data, "cases/ahead.csv", CASES + "a1,U2,2026-03-20,10,2026-04-05\na2,U2,2026-03-20,10,2026-03-20\n"
            + "k005,U1,2026-03-01,50,2026-04-05\n");
        TempDirs.write(f.data, "usage/u1.csv", USAGE + "u1,U1,2026-03-30,30\nu2,U1,2026-04-05,20\n");
        night(f, "n1", "2026-03-31");
        Path keptCases = f.state.resolve("version_counts").resolve("cases.json");
        Path stale = Files.copy(keptCases, tmp.resolve("cases-n1.json"));

        TempDirs.write(f.data, "cases/d1.csv", CASES + "k010,U1,2026-03-01,90,2026-04-01\nk011,U1,2026-03-01,35,2026-03-02\n"
            + "n1,U3,2026-04-01,5,2026-04-01\n");
        TempDirs.write(f.data, "usage/u2.csv", USAGE + "u1,U1,2026-04-01,31\n");
        assertThat(night(f, "n2", "2026-04-01").shuffled())
            .as("a forward night with new files shuffles the touched keys' rows, not the " + STATE_ROWS + " of the state").isLessThan(60);
        assertThat(kept(keptCases)).isEqualTo(Map.entry("2026-04-01", 3));

        // As if the last night had been killed before it kept its counts: tonight's increment starts from the first night.
        Files.copy(stale, keptCases, StandardCopyOption.REPLACE_EXISTING);
        assertThat(night(f, "n3", "2026-04-06").shuffled())
            .as("no new file: the rows dated ahead became known, and only their keys are counted again").isLessThan(60);
        assertThat(kept(keptCases)).isEqualTo(Map.entry("2026-04-06", 3));
        assertThat(night(f, "n3-again", "2026-04-06", Instant.parse("2026-04-07T05:00:00Z")).jobs())
            .as("a rerun of the night starts no Spark job").isZero();

        Path redelivered = TempDirs.write(f.data, "cases/d1.csv", CASES + "k010,U1,2026-03-01,95,2026-04-01\nn1,U3,2026-04-01,5,2026-04-01\n");
        Files.setLastModifiedTime(redelivered, FileTime.from(Instant.parse("2026-04-07T10:00:00Z")));
        assertThat(night(f, "n4", "2026-04-07").shuffled()).as("a re-delivered file: no increment, the state is recounted")
            .isGreaterThanOrEqualTo(STATE_ROWS);

        Files.delete(f.data.resolve("cases/ahead.csv"));
        Files.delete(f.data.resolve("usage/u2.csv"));
        TempDirs.write(f.data, "cases/d2.csv", CASES + "k020,U1,2026-03-01,35,2026-04-08\n");
        IngestResult withdrawn = night(f, "n5", "2026-04-08").result();
        assertThat(withdrawn.counts().get(Source.USAGE).versions()).as("a source whose only change is a withdrawal is not counted, as before")
            .isNull();

        TempDirs.write(f.data, "cases/late.csv", CASES + "k030,U1,2026-03-01,12,2026-04-02\n");
        // Replayed on the day after the last night, the new file counts from that night (FileLedger#knownOn), not the replayed one.
        night(f, "replay", "2026-04-02", Instant.parse("2026-04-09T05:00:00Z"));
        assertThat(kept(keptCases)).as("a replay leaves the kept counts of the later night").isEqualTo(Map.entry("2026-04-08", 3));

        TempDirs.write(f.data, "cases/d3.csv", CASES + "k040,U1,2026-03-01,13,2026-04-09\nk041,U1,2026-03-01,35,2026-03-02\n");
        assertThat(night(f, "n6", "2026-04-09").shuffled()).as("after the replay, the next night is an increment again").isLessThan(60);
        assertThat(kept(keptCases)).isEqualTo(Map.entry("2026-04-09", 5));

        Files.writeString(keptCases, "{not json");
        IngestResult unreadable = night(f, "n6-again", "2026-04-09", Instant.parse("2026-04-10T05:00:00Z")).result();
        assertThat(kept(keptCases)).as("an unreadable kept file is recounted and written anew").isEqualTo(Map.entry("2026-04-09", 5));

        assertThat(unreadable.counts().get(Source.CASES).versions()).isNotNull();

        Files.copy(f.data.resolve("cases/base.csv"), f.data.resolve("cases/base-again.csv"));
        Path beforeAgain = Files.copy(keptCases, tmp.resolve("cases-n6.json"));
        Night again = night(f, "n7", "2026-04-10");
        assertThat(again.result().counts().get(Source.CASES).versions().duplicate()).isGreaterThanOrEqualTo(300);
        Files.copy(beforeAgain, keptCases, StandardCopyOption.REPLACE_EXISTING);
        assertThat(KeptVersionCounts.forNight(f.spark, f.stateRoot(), LocalDate.parse("2026-04-10"), List.of()).basis().get(Source.CASES))
            .as("as many rows again, but at most 10,000 (KnownIncrement.SMALL_ROWS): updated").isEqualTo(KeptVersionCounts.Basis.UPDATED);
        Files.copy(beforeAgain, keptCases, StandardCopyOption.REPLACE_EXISTING);
        // At this size any increment is cheap (KnownIncrement.SMALL_ROWS); with no such allowance the rule itself shows.
        assertThat(KeptVersionCounts.forNight(f.spark, f.stateRoot(), LocalDate.parse("2026-04-10"), List.of(), 0).basis().get(Source.CASES))
            .as("a file as large as the state, delivered again under a new name, is recounted: its keys are too many to broadcast")
            .isEqualTo(KeptVersionCounts.Basis.RECOUNTED);

        IngestFixture scratch = new IngestFixture(tmp.resolve("scratch"));
        TempDirs.copyTree(f.data, scratch.data);
        IngestResult all = scratch.ingest("s1", LocalDate.parse("2026-04-10"), Instant.parse("2026-04-11T04:00:00Z"));
        assertThat(again.result().counts().get(Source.CASES).versions()).as("the nights' counts equal an ingest from scratch")
            .isEqualTo(all.counts().get(Source.CASES).versions());
    }

    /** A night's ingest, and the shuffle records and Spark jobs the ingest alone cost. */
    private record Night(IngestResult result, long shuffled, long jobs) {}

    private static Night night(IngestFixture f, String runId, String asOf) throws Exception {
        return night(f, runId, asOf, Instant.parse(LocalDate.parse(asOf).plusDays(1) + "T04:00:00Z"));
    }

    /**
     * Ingests a night and checks that every source it counted has the counts of the whole state known that night;
     * cases, read or not, is always counted.
     */
    private static Night night(IngestFixture f, String runId, String asOf, Instant now) throws Exception {
        LocalDate day = LocalDate.parse(asOf);
        SparkActivity<IngestResult> ingested = SparkActivity.during(f.spark, () -> f.ingest(runId, day, now));
        IngestResult r = ingested.result();
        assertThat(r.counts().get(Source.CASES).versions()).as(runId).isNotNull();
        Map<Source, VersionCounts> counted = new EnumMap<>(Source.class);
        r.counts().forEach((s, c) -> {
            if (c.versions() != null) counted.put(s, c.versions());
        });
        assertThat(counted).as(runId)
            .isEqualTo(StateTables.versionCountsFromScratch(f.spark, f.stateRoot(), List.copyOf(counted.keySet()), day));
        return new Night(r, ingested.shuffleRecordsWritten(), ingested.jobs());
    }

    /** The kept file's night and how many file versions it names. */
    private static Map.Entry<String, Integer> kept(Path file) throws Exception {
        JsonNode kept = JSON.readTree(file.toFile());
        return Map.entry(kept.path("night").asText(), kept.path("versions").size());
    }
}
