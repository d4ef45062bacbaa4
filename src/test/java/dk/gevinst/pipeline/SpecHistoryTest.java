package dk.gevinst.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.storage.Storage;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec files as the nights ran them (SpecSnapshots) and what changed in them after a pilot's start (SpecChanges):
 * kept only when they change, chosen by a replay as in force on its night, and read as key-by-key changes dated by
 * the night that first ran them.
 */
class SpecHistoryTest {
    private static final Storage STORAGE = new Storage(new Configuration());
    private static final String SPEC = """
        id: p
        title: "%s"
        start: 2026-03-02
        end: 2026-06-30
        baseline_start: 2026-01-05
        arms: {pilot: [A], control: %s}
        indicators:
          handling_time: {role: success, mde: "10%%"}
          processing_days: {role: guardrail, margin: "%s"}
        """;

    private static String spec(String title, String controls, String margin) {
        return SPEC.formatted(title, controls, margin);
    }

    private static void night(SpecSnapshots snapshots, java.nio.file.Path pilots, String text, String night) throws Exception {
        Files.writeString(pilots.resolve("p.yaml"), text);
        snapshots.keepIfChanged(snapshots.files(new Path(pilots.toUri())), LocalDate.parse(night));
    }

    @Test
    void snapshotsAreKeptWhenTheSpecsChangeAndAReplayReadsTheOneInForce(@TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path pilots = Files.createDirectories(tmp.resolve("pilots"));
        SpecSnapshots snapshots = new SpecSnapshots(STORAGE, new Path(tmp.resolve("state").toUri()));
        Path today = new Path(pilots.toUri());
        assertThat(snapshots.forReplay(LocalDate.parse("2026-03-01"), today)).as("none kept yet: today's").isEqualTo(today);

        night(snapshots, pilots, spec("P", "[B]", "5%"), "2026-02-20");
        night(snapshots, pilots, spec("P", "[B]", "5%"), "2026-02-21");
        night(snapshots, pilots, spec("P renamed", "[B]", "5%"), "2026-02-27");
        night(snapshots, pilots, spec("P renamed", "[B]", "5%"), "2026-03-10");
        night(snapshots, pilots, spec("P renamed", "[B, C]", "1%"), "2026-03-23");
        Files.createDirectories(tmp.resolve("state/specs/.tmp-2026-03-24")); // what a killed run leaves
        assertThat(snapshots.nights()).as("a night that runs the same files keeps nothing").extracting(LocalDate::toString)
            .containsExactly("2026-02-20", "2026-02-27", "2026-03-23");

        assertThat(snapshots.forReplay(LocalDate.parse("2026-03-15"), today).getName()).isEqualTo("2026-02-27");
        assertThat(snapshots.forReplay(LocalDate.parse("2026-03-23"), today).getName()).isEqualTo("2026-03-23");
        assertThat(snapshots.forReplay(LocalDate.parse("2026-01-31"), today).getName()).as("before the first night: the first's").isEqualTo("2026-02-20");
        assertThat(Files.readString(tmp.resolve("state/specs/2026-02-27/p.yaml"))).contains("[B]", "\"5%\"");

        PilotSpec valid = new PilotSpecParser(Catalog.builtIn()).parse("p.yaml", spec("P renamed", "[B, C]", "1%"));
        Map<String, List<SpecChanges.Change>> changes = SpecChanges.of(snapshots.upTo(LocalDate.parse("2026-03-31")), List.of(valid));
        assertThat(changes.get("p")).as("the title, and anything before the start, are no change that matters").containsExactly(
            new SpecChanges.Change(LocalDate.parse("2026-03-23"), "arms.control", "[\"B\"]", "[\"B\",\"C\"]"),
            new SpecChanges.Change(LocalDate.parse("2026-03-23"), "indicators.processing_days.margin", "5%", "1%"));
        assertThat(SpecChanges.of(snapshots.upTo(LocalDate.parse("2026-03-22")), List.of(valid))).as("a replay before the change").isEmpty();
        assertThat(SpecChanges.flag(changes.get("p")).textEn())
            .contains("arms.control: [\"B\"] → [\"B\",\"C\"] (from 2026-03-23); indicators.processing_days.margin: 5% → 1% (from 2026-03-23)");

        assertThat(SpecChanges.recent(changes, LocalDate.parse("2026-04-19"))).as("27 days after the change").containsKey("p");
        assertThat(SpecChanges.recent(changes, LocalDate.parse("2026-04-20"))).as("28 days after, the warning has had its month").isEmpty();

        // A rerun of the last night with the change taken back replaces that night's snapshot: no change any more.
        night(snapshots, pilots, spec("P renamed", "[B]", "5%"), "2026-03-23");
        assertThat(SpecChanges.of(snapshots.upTo(LocalDate.parse("2026-03-31")), List.of(valid))).isEmpty();
        assertThat(tmp.resolve("state/specs/.old-2026-03-23")).as("the replaced snapshot, moved aside, is gone").doesNotExist();
    }

    /** Only specs a night ran are compared: a night with an invalid file (a typo, then fixed) or two files of one id ran neither. */
    @Test
    void anInvalidOrDoubledSpecIsNoChange(@TempDir java.nio.file.Path tmp) throws Exception {
        String good = spec("P", "[B]", "5%");
        String typo = good.replace("margin:", "marign:");
        PilotSpec valid = new PilotSpecParser(Catalog.builtIn()).parse("p.yaml", good);
        Map<java.time.LocalDate, Map<String, byte[]>> nights = new java.util.TreeMap<>(Map.of(
            LocalDate.parse("2026-03-10"), Map.of("p.yaml", good.getBytes()),
            LocalDate.parse("2026-03-11"), Map.of("p.yaml", typo.getBytes()),
            LocalDate.parse("2026-03-12"), Map.of("p.yaml", good.getBytes(), "p-copy.yaml", spec("P", "[B]", "9%").getBytes()),
            LocalDate.parse("2026-03-13"), Map.of("p.yaml", good.getBytes())));
        assertThat(SpecChanges.of(nights, List.of(valid))).isEmpty();
        nights.put(LocalDate.parse("2026-03-14"), Map.of("p.yaml", spec("P", "[B]", "9%").getBytes()));
        assertThat(SpecChanges.of(nights, List.of(valid)).get("p")).extracting(SpecChanges.Change::key).containsExactly("indicators.processing_days.margin");
    }
}
