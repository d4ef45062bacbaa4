package dk.gevinst.pipeline;

import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.Unobserved;
import dk.gevinst.config.Freshness;
import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.UnitsWithoutData;
import dk.gevinst.decision.PilotEvaluation;
import dk.gevinst.ingest.ColumnTypos;
import dk.gevinst.ingest.CutOffFile;
import dk.gevinst.ingest.FileLedger;
import dk.gevinst.ingest.FileProblem;
import dk.gevinst.ingest.IndicatorColumns;
import dk.gevinst.ingest.QuarantinedFile;
import dk.gevinst.source.Source;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whether tonight's data can carry one pilot's decision: how new the data its deciding indicators rest on
 * is, and whether a file of a source it uses was rejected tonight. Judged from the pilot's own cells, so
 * a unit that stopped exporting is seen even when other units' files keep arriving.
 *
 * @param dataThrough the newest day of data behind the pilot's deciding indicators ("data til og med"); null when there is none
 * @param stale the sources whose newest data is older than their freshness expectation allows
 * @param rejected tonight's rejected files of sources the pilot uses: its decision rests on partial data
 * @param typos likely typos in the column names of files of sources the pilot uses: an optional column read as empty
 * @param cutOff known files of sources the pilot uses that look cut off during export: its decision rests on partial data
 * @param missingUnits units the spec names that have no rows in the data known tonight: the pilot is decided on other teams than specified
 * @param unknownCandidates preference answers from a comparison's units quarantined as unknown_candidate (see UnknownCandidates)
 * @param unobserved the pilot's cases its custom column indicators could not observe (see ValuesNotNumbers)
 * @param quarantined known files of sources the pilot uses that lost half or more of their rows to quarantine: its decision rests on partial data
 * @param withdrawn tonight's files of sources the pilot uses that were removed from the data root: their rows no longer count
 * @param absentColumns known files holding the pilot's units that lack a column one of its indicators reads (see IndicatorColumns)
 * @param dataFlags warnings read from the pilot's own cells: a team's week far from its usual level (ValueJumps), a team's days
 *                  without cases while the municipality's other teams worked (MissingDays)
 */
record PilotHealth(LocalDate dataThrough, List<StaleSource> stale, List<FileProblem> rejected, List<ColumnTypos.InFiles> typos,
                   List<CutOffFile> cutOff, List<UnitsWithoutData.Missing> missingUnits, UnknownCandidates unknownCandidates,
                   List<ValuesNotNumbers.LeftOut> unobserved, List<QuarantinedFile> quarantined, List<FileProblem> withdrawn,
                   List<IndicatorColumns.Absent> absentColumns, List<dk.gevinst.publish.HealthFlag> dataFlags) {
    static final PilotHealth NOT_EVALUATED = new PilotHealth(null, List.of(), List.of(), List.of(), List.of(), List.of(), UnknownCandidates.NONE,
        List.of(), List.of(), List.of(), List.of(), List.of());

    /**
     * A source too old to decide on: its newest day, the day it should at least reach, and the days allowed; for
     * the units of one arm or candidate whose exports stopped while the others' came (null: the pilot's as a whole).
     */
    record StaleSource(Source source, LocalDate newest, LocalDate expectedFrom, int maxAgeDays, List<String> units) {
        StaleSource(Source source, LocalDate newest, LocalDate expectedFrom, int maxAgeDays) {
            this(source, newest, expectedFrom, maxAgeDays, null);
        }

        StaleSource {
            units = units == null ? null : List.copyOf(units);
        }
    }

    PilotHealth {
        stale = List.copyOf(stale);
        rejected = List.copyOf(rejected);
        typos = List.copyOf(typos);
        cutOff = List.copyOf(cutOff);
        missingUnits = List.copyOf(missingUnits);
        unobserved = List.copyOf(unobserved);
        quarantined = List.copyOf(quarantined);
        withdrawn = List.copyOf(withdrawn);
        dataFlags = List.copyOf(dataFlags);
    }

    /**
     * This health with the spec's units that have no rows among the units known tonight. With no unit known at
     * all there is no data to misspell against: the stale-data check speaks for that night.
     */
    PilotHealth withUnitsKnown(PilotSpec spec, Set<String> knownUnits, LocalDate asOf) {
        if (spec == null || this == NOT_EVALUATED || knownUnits.isEmpty()) return this;
        List<UnitsWithoutData.Missing> missing = UnitsWithoutData.of(spec, knownUnits, asOf);
        // A group none of whose units has any row is the spec's problem (unit_without_data), not a stopped export.
        Set<String> unknown = new java.util.HashSet<>();
        missing.forEach(m -> unknown.add(m.unit()));
        List<StaleSource> exported = stale.stream().filter(s -> s.units() == null || !unknown.containsAll(s.units())).toList();
        return new PilotHealth(dataThrough, exported, rejected, typos, cutOff, missing, unknownCandidates, unobserved, quarantined, withdrawn, absentColumns, dataFlags);
    }

    /** This health with the unknown_candidate answers from the comparison's units (none for a pilot; see UnknownCandidates). */
    PilotHealth withUnknownCandidates(PilotSpec spec, List<FileLedger.Entry> known) {
        if (this == NOT_EVALUATED) return this;
        return new PilotHealth(dataThrough, stale, rejected, typos, cutOff, missingUnits, UnknownCandidates.of(spec, known), unobserved, quarantined, withdrawn, absentColumns, dataFlags);
    }

    /**
     * This health with the cases its custom column indicators could not observe (CellTable#unobserved), named as the
     * pilot's page names the indicators.
     */
    PilotHealth withUnobserved(PilotSpec spec, List<Unobserved> cases) {
        if (this == NOT_EVALUATED) return this;
        return new PilotHealth(dataThrough, stale, rejected, typos, cutOff, missingUnits, unknownCandidates, ValuesNotNumbers.named(spec, cases), quarantined, withdrawn, absentColumns, dataFlags);
    }

    /**
     * This health with the known files that lack a column one of the pilot's indicators reads (a renamed export
     * column): a stranger's renamed handling_minutes gave 394 rows nothing, said in validate and the manifest only.
     */
    PilotHealth withAbsentColumns(PilotSpec spec, List<IndicatorColumns.Absent> absent) {
        if (this == NOT_EVALUATED) return this;
        // A file whose column is misspelt is told by its column_typo flag, with the name it likely means.
        return new PilotHealth(dataThrough, stale, rejected, typos, cutOff, missingUnits, unknownCandidates, unobserved, quarantined, withdrawn,
            absent.stream().filter(a -> a.pilot().equals(spec.id()))
                .filter(a -> typos.stream().noneMatch(t -> t.typo().suggestion().equals(a.column()) && t.files().contains(a.path()))).toList(), dataFlags);
    }

    /**
     * This health with the spec's teams' days without cases while other teams worked (MissingDays), unless the run
     * config expects nothing of the cases' arrival (freshness: cases: off).
     */
    PilotHealth withMissingDays(PilotSpec spec, MissingDays.Counts counts, Freshness freshness) {
        // Stale data keeps the last decision, which the warning's 'the decision rests on the cases that have arrived' would contradict;
        // the stale flag names the exports to look at, and the days are told once the data is fresh.
        if (this == NOT_EVALUATED || freshness.maxAge(Source.CASES).isEmpty() || isStale()) return this;
        List<MissingDays.Gap> gaps = MissingDays.of(spec, counts);
        if (gaps.isEmpty()) return this;
        List<dk.gevinst.publish.HealthFlag> flags = new ArrayList<>(dataFlags);
        flags.add(MissingDays.flag(gaps));
        return new PilotHealth(dataThrough, stale, rejected, typos, cutOff, missingUnits, unknownCandidates, unobserved, quarantined, withdrawn, absentColumns, flags);
    }

    boolean isStale() {
        return !stale.isEmpty();
    }

    /**
     * Whether the data is stale only because units the spec names have no rows: every stale source has no data for
     * the pilot at all, and the spec names units the data lacks. The spec is at fault, not the exports (exit 2, not 5).
     */
    boolean staleForUnitsWithoutData() {
        return isStale() && !missingUnits.isEmpty() && stale.stream().allMatch(s -> s.newest() == null);
    }

    /**
     * Whether the spec's units are the night's problem (exit 2, named in the summary line): they leave the pilot without
     * any data, or leave an arm (or a candidate) that the evaluation needs without a unit with rows.
     */
    boolean unitsWithoutDataBlock() {
        return staleForUnitsWithoutData() || missingUnits.stream().anyMatch(UnitsWithoutData.Missing::blocks);
    }

    boolean isPartial() {
        return !rejected.isEmpty() || !cutOff.isEmpty() || !quarantined.isEmpty();
    }

    static PilotHealth of(PilotEvaluation e, Freshness freshness, List<FileProblem> rejectedTonight) {
        return of(e, freshness, rejectedTonight, List.of(), List.of(), List.of(), List.of());
    }

    static PilotHealth of(PilotEvaluation e, Freshness freshness, List<FileProblem> rejectedTonight, List<ColumnTypos.InFiles> knownTypos,
                          List<CutOffFile> knownCutOff, List<QuarantinedFile> knownQuarantined, List<FileProblem> removedTonight) {
        PilotSpec spec = e.spec();
        if (!e.ok() || spec == null) return NOT_EVALUATED;
        LocalDate through = null;
        Map<Source, LocalDate> newest = new TreeMap<>();
        Map<Source, LocalDate> expected = new TreeMap<>();
        for (PilotIndicator i : spec.indicators()) {
            if (!i.role().decides()) continue;
            Source source = i.definition().source();
            LocalDate last = newestDay(e.cells(), i.id());
            if (last != null) {
                newest.merge(source, last, PilotHealth::later);
                through = through == null ? last : later(through, last);
            }
            LocalDate due = lastDayWithCells(spec, i, e.asOf());
            if (due != null) expected.merge(source, due, PilotHealth::later);
        }
        List<StaleSource> stale = new ArrayList<>();
        Map<Source, Map<List<String>, LocalDate>> byGroup = newestByGroup(spec, e.cells());
        expected.forEach((source, due) -> {
            OptionalInt maxAge = freshness.maxAge(source);
            if (maxAge.isEmpty()) return;
            LocalDate from = expectedFrom(spec, due, maxAge.getAsInt());
            LocalDate last = newest.get(source);
            if (last == null || last.isBefore(from)) {
                stale.add(new StaleSource(source, last, from, maxAge.getAsInt()));
                return;
            }
            // One arm's (or candidate's) exports that stopped while the others' came would be compared on old days against
            // fresh ones, under a page saying 'newest data' of the others: the group is as stale as a pilot would be.
            // A group with no cell of the source at all (its cases export never set up, while its surveys come) is as stale,
            // once the pilot period has run longer than the source may lag: before, a team new to the pilot has none yet.
            boolean periodUnderWay = !e.asOf().isBefore(spec.postStart().plusDays(maxAge.getAsInt()));
            for (List<String> units : groups(spec)) {
                LocalDate groupLast = byGroup.getOrDefault(source, Map.of()).get(units);
                if (groupLast == null ? periodUnderWay : groupLast.isBefore(from)) stale.add(new StaleSource(source, groupLast, from, maxAge.getAsInt(), units));
            }
        });
        Set<Source> used = EnumSet.noneOf(Source.class);
        spec.indicators().forEach(i -> used.add(i.definition().source()));
        if (spec.businessCase() != null) used.add(Source.COSTS);
        List<FileProblem> rejected = rejectedTonight.stream().filter(p -> uses(used, p.source())).toList();
        Set<String> units = new java.util.HashSet<>(spec.pilotUnits());
        units.addAll(spec.controlUnits());
        List<ColumnTypos.InFiles> typos = knownTypos.stream().filter(t -> used.contains(t.typo().source())).map(t -> t.about(units))
            .filter(java.util.Objects::nonNull).toList();
        // A cut-off or mostly quarantined file may have lost any team's rows (its accepted rows say only whose rows are
        // left), so every pilot using the source hears of it. A withdrawn file lost exactly its accepted rows: only a
        // pilot whose units they name (or any, when none are recorded) is told. A file that contributed no row (all
        // quarantined, say) is removed without changing anything: no warning.
        List<CutOffFile> cutOff = knownCutOff.stream().filter(p -> uses(used, p.source())).toList();
        List<FileProblem> withdrawn = removedTonight.stream().filter(p -> p.rowsAccepted() != 0)
            .filter(p -> uses(used, p.source()) && couldHold(p.units(), units)).toList();
        List<QuarantinedFile> quarantined = knownQuarantined.stream().filter(q -> uses(used, q.source())).toList();
        List<ValueJumps.Jump> jumps = ValueJumps.of(spec, e.cells());
        return new PilotHealth(through, stale, rejected, typos, cutOff, List.of(), UnknownCandidates.NONE, List.of(), quarantined, withdrawn, List.of(),
            jumps.isEmpty() ? List.of() : List.of(ValueJumps.flag(spec, jumps)));
    }

    private static boolean couldHold(Set<String> fileUnits, Set<String> pilotUnits) {
        // Units are stored CPR-masked; so are a spec's, but masking again costs nothing and keeps the two alike.
        return fileUnits.isEmpty() || pilotUnits.stream().map(dk.gevinst.privacy.CprScrubber::mask).anyMatch(fileUnits::contains);
    }

    /** Whether a file of this source folder is one the pilot's indicators or business case read. */
    private static boolean uses(Set<Source> used, String folder) {
        return Source.byFolder(folder).map(used::contains).orElse(false);
    }

    /**
     * The newest day of each source's deciding cells per group of units that is judged as one ({@link #groups}); a
     * group without any cell of a source is not in its map.
     */
    private static Map<Source, Map<List<String>, LocalDate>> newestByGroup(PilotSpec spec, List<CellStats> cells) {
        List<List<String>> groups = groups(spec);
        Map<String, Source> sourceOf = new java.util.HashMap<>();
        for (PilotIndicator i : spec.indicators()) if (i.role().decides()) sourceOf.put(i.id(), i.definition().source());
        Map<Source, Map<List<String>, LocalDate>> out = new TreeMap<>();
        for (CellStats c : cells) {
            Source source = sourceOf.get(c.indicatorId());
            if (source == null || c.unit() == null || c.moments().n() == 0) continue;
            for (List<String> g : groups) {
                if (g.contains(c.unit())) out.computeIfAbsent(source, s -> new java.util.LinkedHashMap<>()).merge(g, c.day(), PilotHealth::later);
            }
        }
        return out;
    }

    /** The groups of units judged as one: the pilot arm and the control arm, or each candidate of a comparison and the controls. */
    private static List<List<String>> groups(PilotSpec spec) {
        List<List<String>> groups = new ArrayList<>();
        if (spec.isComparison()) spec.candidates().forEach(c -> groups.add(c.units()));
        else if (!spec.pilotUnits().isEmpty()) groups.add(spec.pilotUnits());
        if (!spec.controlUnits().isEmpty()) groups.add(spec.controlUnits());
        return groups;
    }

    private static LocalDate newestDay(List<CellStats> cells, String indicatorId) {
        LocalDate last = null;
        for (CellStats c : cells) if (c.indicatorId().equals(indicatorId) && c.moments().n() > 0) last = last == null ? c.day() : later(last, c.day());
        return last;
    }

    /**
     * The last day that can hold cells of an indicator tonight: as-of less its maturity, moved back to the day
     * before the start while that falls in the ramp-up (which has no cells by design). Null when the pilot
     * cannot have data for it yet (before the baseline, or before the post period without a baseline).
     */
    static LocalDate lastDayWithCells(PilotSpec spec, PilotIndicator i, LocalDate asOf) {
        LocalDate day = asOf.minusDays(i.maturityDays());
        if (!day.isBefore(spec.start()) && day.isBefore(spec.postStart())) day = spec.start().minusDays(1);
        LocalDate first = spec.hasBaseline() ? spec.baselineStart() : spec.postStart();
        return day.isBefore(first) ? null : day;
    }

    /**
     * The day a source's newest deciding cell should at least reach: the due day less the days allowed, but never a day
     * of the ramp-up, which has no cells by design. Without that, the night the ramp-up ends asked for a cell from its
     * last days and found the exports, all on time, stale (a stranger's exit 5 on the night after a 14-day ramp-up).
     */
    static LocalDate expectedFrom(PilotSpec spec, LocalDate due, int maxAgeDays) {
        LocalDate from = due.minusDays(maxAgeDays);
        return !from.isBefore(spec.start()) && from.isBefore(spec.postStart()) ? spec.start().minusDays(1) : from;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
