package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.config.Problem;
import dk.gevinst.config.UnitsWithoutData;
import dk.gevinst.decision.Reason;
import dk.gevinst.ingest.ColumnTypos;
import dk.gevinst.ingest.CutOffFile;
import dk.gevinst.ingest.FileProblem;
import dk.gevinst.ingest.IndicatorColumns;
import dk.gevinst.ingest.QuarantinedFile;
import dk.gevinst.publish.HealthFlag;
import dk.gevinst.publish.Json;
import dk.gevinst.source.Source;
import dk.gevinst.text.Language;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The reasons a night adds when it cannot (or may not) decide a pilot afresh: a broken spec, stale data,
 * a failed evaluation; and the note that a decision rests on partial data. Stale data, partial data and a
 * kept decision are also health flags, which the page banner, the digest and explain show. Danish and
 * English, naming the file, the value and the fix. Spec files are named relative to the pilots folder: no
 * server path is published.
 */
final class HealthTexts {
    static final String STALE_DATA = "stale_data";
    static final String PARTIAL_DATA = "partial_data";
    static final String INVALID_SPEC = "invalid_spec";
    static final String EVALUATION_FAILED = "evaluation_failed";
    /** The health flag of a decision kept from an earlier night. */
    static final String KEPT_DECISION = "kept_decision";
    /** The health flag of a likely typo in a column name (issue 10): an optional column read as empty. */
    static final String COLUMN_TYPO = "column_typo";
    /** The health flag of a unit the spec names that has no rows in the data (a misspelt team). */
    static final String UNIT_WITHOUT_DATA = "unit_without_data";
    /** The health flag of a comparison whose units gave preference answers naming a candidate it does not list (UnknownCandidates). */
    static final String UNKNOWN_CANDIDATE = "unknown_candidate";
    /** The health flag of values of a custom indicator's column that are no number it can observe (ValuesNotNumbers). */
    static final String VALUES_NOT_NUMBERS = "values_not_numbers";
    /** The health flag of files removed from the data root tonight, whose rows no longer count. */
    static final String FILES_WITHDRAWN = "files_withdrawn";
    /** The health flag of known files that lack a column one of the pilot's indicators reads: their rows give it nothing. */
    static final String COLUMN_MISSING = "column_missing";
    /** The health flag of a team's week whose mean time is five times its usual one, or a fifth (ValueJumps). */
    static final String VALUE_JUMP = "value_jump";
    /** The health flag of a business case whose costs source has no row for the pilot: every option costs 0 kr. */
    static final String COSTS_UNKNOWN = "costs_unknown";
    /** Reasons and health flags that belong to one night only: a kept decision does not carry them into the next. */
    static final List<String> NIGHTLY_CODES = List.of(STALE_DATA, PARTIAL_DATA, INVALID_SPEC, EVALUATION_FAILED, KEPT_DECISION, COLUMN_TYPO,
        COLUMN_MISSING, VALUE_JUMP, MissingDays.CODE, UNIT_WITHOUT_DATA, UNKNOWN_CANDIDATE, VALUES_NOT_NUMBERS, FILES_WITHDRAWN, COSTS_UNKNOWN, SpecChanges.CODE);

    private HealthTexts() {}

    static Reason invalidSpec(List<Problem> problems, LocalDate keptFrom) {
        // file:line:column stays as editors and 'gevinst validate' print it; each problem in the reader's language.
        String whereDa = problems.stream().map(p -> p.in(Language.DA)).collect(Collectors.joining("; "));
        String whereEn = problems.stream().map(p -> p.in(Language.EN)).collect(Collectors.joining("; "));
        return new Reason(INVALID_SPEC, null,
            "Pilotspecifikationen har " + (problems.size() == 1 ? "en fejl" : problems.size() + " fejl") + " og blev ikke evalueret i nat (fil:linje:kolonne: "
                + whereDa + "). " + kept(keptFrom, "indtil filen er rettet", "Ret filen; 'gevinst validate' viser alle fejl på én gang."),
            "The pilot spec has " + (problems.size() == 1 ? "an error" : problems.size() + " errors") + " and was not evaluated tonight (file:line:column: "
                + whereEn + "). " + keptEn(keptFrom, "until the file is fixed", "Fix the file; 'gevinst validate' shows every error at once."));
    }

    /**
     * Units the spec names leave the pilot arm, a candidate or a control arm it needs without any unit with rows: a spec
     * error like an invalid file, so no decision is made on what is left (a GO on the controls alone, or a comparison
     * that cannot see one of its candidates), and the last good decision stands.
     */
    static Reason unitsWithoutData(List<UnitsWithoutData.Missing> blocking, LocalDate keptFrom) {
        String units = blocking.stream().map(m -> "'" + m.unit() + "'").collect(Collectors.joining(", "));
        return new Reason(INVALID_SPEC, null,
            "Pilotspecifikationen nævner enheder uden rækker i data (" + units + "), så den ville blive vurderet på andre teams end specificeret, "
                + "og den blev ikke evalueret i nat. " + kept(keptFrom, "indtil enhederne er stavet som i data", "Stav enhederne som i data; 'gevinst validate --data' viser dem."),
            "The pilot spec names units without rows in the data (" + units + "), so it would be evaluated on other teams than specified, and it "
                + "was not evaluated tonight. " + keptEn(keptFrom, "until the units are spelt as in the data", "Spell the units as the data does; "
                + "'gevinst validate --data' lists them."));
    }

    static Reason evaluationFailed(String message, LocalDate keptFrom) {
        return new Reason(EVALUATION_FAILED, null,
            "Evalueringen fejlede i nat (" + message + "). " + kept(keptFrom, "indtil en nat lykkes", "Se kørslens log."),
            "The evaluation failed tonight (" + message + "). " + keptEn(keptFrom, "until a night succeeds", "See the run's log."));
    }

    static Reason stale(List<PilotHealth.StaleSource> stale, LocalDate asOf, LocalDate keptFrom) {
        return new Reason(STALE_DATA, null,
            staleDa(stale, asOf) + " " + kept(keptFrom, "indtil data er opdateret", "Der træffes ingen beslutning, før data er opdateret."),
            staleEn(stale, asOf) + " " + keptEn(keptFrom, "until the data is updated", "No decision is made until the data is updated."));
    }

    /** The health flag of stale data: an error, since tonight's data cannot carry a decision; its sources as details. */
    static HealthFlag staleFlag(List<PilotHealth.StaleSource> stale, LocalDate asOf) {
        ObjectNode details = Json.MAPPER.createObjectNode();
        ArrayNode sources = details.putArray("sources");
        for (PilotHealth.StaleSource s : stale) {
            ObjectNode entry = sources.addObject().put("source", s.source().folder()).put("newest", s.newest() == null ? null : s.newest().toString())
                .put("expected_from", s.expectedFrom().toString()).put("max_age_days", s.maxAgeDays());
            if (s.units() != null) s.units().forEach(entry.putArray("units")::add);
        }
        return new HealthFlag(STALE_DATA, HealthFlag.Severity.ERROR, staleDa(stale, asOf), staleEn(stale, asOf), details);
    }

    private static String staleDa(List<PilotHealth.StaleSource> stale, LocalDate asOf) {
        String da = stale.stream().map(s -> sourceDa(s.source()) + (s.units() == null ? "" : " fra " + Language.DA.list(s.units())) + " – "
            + (s.newest() == null ? "ingen data" : "nyeste fra " + Language.DA.date(s.newest()))
            + ", skulle nå mindst " + Language.DA.date(s.expectedFrom()) + " (højst " + s.maxAgeDays() + " dage gamle)").collect(Collectors.joining("; "));
        return "Data er forældede pr. " + Language.DA.date(asOf) + ": " + da + ". Beslutningen ændres ikke på forældede data.";
    }

    private static String staleEn(List<PilotHealth.StaleSource> stale, LocalDate asOf) {
        String en = stale.stream().map(s -> s.source().folder() + (s.units() == null ? "" : " from " + Language.EN.list(s.units())) + " – "
            + (s.newest() == null ? "no data" : "newest from " + Language.EN.date(s.newest()))
            + ", should reach at least " + Language.EN.date(s.expectedFrom()) + " (at most " + s.maxAgeDays() + " days old)").collect(Collectors.joining("; "));
        return "The data is stale as of " + Language.EN.date(asOf) + ": " + en + ". A decision is never changed on stale data.";
    }

    static Reason partial(List<FileProblem> rejected, List<CutOffFile> cutOff, List<QuarantinedFile> quarantined) {
        return new Reason(PARTIAL_DATA, null, partialDa(rejected, cutOff, quarantined), partialEn(rejected, cutOff, quarantined));
    }

    /**
     * The health flag of partial data: a warning, since the decision stands on the other files (and on what a
     * cut-off file holds); the rejected, the cut-off and the mostly quarantined files, each with why, as details.
     */
    static HealthFlag partialFlag(List<FileProblem> rejected, List<CutOffFile> cutOff, List<QuarantinedFile> quarantined) {
        ObjectNode details = Json.MAPPER.createObjectNode();
        ArrayNode files = details.putArray("files");
        for (FileProblem p : rejected) files.addObject().put("source", p.source()).put("path", p.path()).put("message", p.message());
        for (CutOffFile p : cutOff) files.addObject().put("source", p.source()).put("path", p.path()).put("message", p.message());
        for (QuarantinedFile q : quarantined) {
            files.addObject().put("source", q.source()).put("path", q.path()).put("message", q.rowsLost() + " of " + q.rowsRead()
                + " rows quarantined" + (q.reason().isEmpty() ? "" : ", mostly " + q.reason()));
        }
        return new HealthFlag(PARTIAL_DATA, HealthFlag.Severity.WARNING, partialDa(rejected, cutOff, quarantined), partialEn(rejected, cutOff, quarantined),
            details);
    }

    /**
     * The health flag of a decision kept from an earlier night: a warning that tonight did not decide, with
     * the night it was made and why tonight could not (the first reason says it in full).
     */
    static HealthFlag keptFlag(LocalDate keptFrom, String because) {
        String da = switch (because) {
            case INVALID_SPEC -> "pilotspecifikationen har fejl";
            case STALE_DATA -> "data er forældede";
            default -> "evalueringen fejlede";
        };
        String en = switch (because) {
            case INVALID_SPEC -> "the pilot spec has errors";
            case STALE_DATA -> "the data is stale";
            default -> "the evaluation failed";
        };
        return new HealthFlag(KEPT_DECISION, HealthFlag.Severity.WARNING,
            "Beslutningen er fra " + Language.DA.date(keptFrom) + " og blev ikke evalueret igen i nat, fordi " + da + ". Den gælder, indtil en nat kan beslutte igen.",
            "This decision is from " + Language.EN.date(keptFrom) + " and was not re-evaluated tonight because " + en + ". It stands until a night can decide again.",
            Json.MAPPER.createObjectNode().put("kept_from", keptFrom.toString()));
    }

    /**
     * The health flag of a likely typo in a column name: a warning, since the decision stands, but an optional
     * column the pilot may rely on is empty for these files. It names the column, the name it most likely
     * means, the files (at most three, then how many more) and the fix; the same as details.
     */
    static HealthFlag columnTypoFlag(ColumnTypos.InFiles t) {
        String column = t.typo().column(), meant = t.typo().suggestion();
        List<String> files = t.files();
        ObjectNode details = Json.MAPPER.createObjectNode().put("column", column).put("did_you_mean", meant);
        ArrayNode list = details.putArray("files");
        files.forEach(f -> list.addObject().put("source", t.typo().source().folder()).put("path", f).put("message", t.typo().en()));
        return new HealthFlag(COLUMN_TYPO, HealthFlag.Severity.WARNING,
            "Kolonnen '" + column + "' i " + sourceDa(t.typo().source()) + " (" + someFiles(files, Language.DA) + ") findes ikke i datakontrakten; mente I '"
                + meant + "'? Indtil den er omdøbt, er '" + meant + "' tom i disse filer, og indikatorer, der bruger den, får intet fra dem. "
                + "Ret: omdøb kolonnen til '" + meant + "' i eksporten; en ændret fil læses igen den følgende nat.",
            "Column '" + column + "' in " + t.typo().source().folder() + " (" + someFiles(files, Language.EN) + ") is not in the data contract; did you mean '"
                + meant + "'? Until it is renamed, '" + meant + "' is empty in these files, and indicators that use it get nothing from them. "
                + "Fix: rename the column to '" + meant + "' in the export; a changed file is read again the following night.",
            details);
    }

    /**
     * One warning per missing column: its files (at most three named, then how many more), the indicators that get
     * nothing from their rows (by the labels the document carries), and the fix. A stranger renamed handling_minutes
     * in one month's export; validate and the manifest said so, the page and the digest did not.
     */
    static List<HealthFlag> columnMissingFlags(List<IndicatorColumns.Absent> absent, JsonNode indicators) {
        Map<String, List<IndicatorColumns.Absent>> byColumn = new TreeMap<>();
        absent.forEach(a -> byColumn.computeIfAbsent(a.source() + "/" + a.column(), k -> new ArrayList<>()).add(a));
        List<HealthFlag> out = new ArrayList<>();
        byColumn.values().forEach(list -> {
            IndicatorColumns.Absent first = list.get(0);
            List<String> files = list.stream().map(IndicatorColumns.Absent::path).distinct().sorted().toList();
            List<String> ids = list.stream().map(IndicatorColumns.Absent::indicator).distinct().sorted().toList();
            ObjectNode details = Json.MAPPER.createObjectNode().put("column", first.column());
            ArrayNode listed = details.putArray("files");
            files.forEach(f -> listed.addObject().put("source", first.source()).put("path", f).put("message", "has no column '" + first.column() + "'"));
            String source = Source.byFolder(first.source()).map(HealthTexts::sourceDa).orElse(first.source());
            out.add(new HealthFlag(COLUMN_MISSING, HealthFlag.Severity.WARNING,
                "Kolonnen '" + first.column() + "' mangler i " + source + " (" + someFiles(files, Language.DA) + "), så deres rækker giver intet til "
                    + Language.DA.list(labels(ids, indicators, "da")) + ". Ret: giv eksporten kolonnen '" + first.column()
                    + "' (docs/contract.md); en ændret fil læses igen den følgende nat.",
                "Column '" + first.column() + "' is missing from " + first.source() + " (" + someFiles(files, Language.EN) + "), so their rows give nothing to "
                    + Language.EN.list(labels(ids, indicators, "en")) + ". Fix: give the export the column '" + first.column()
                    + "' (docs/contract.md); a changed file is read again the following night.",
                details));
        });
        return out;
    }

    /** At most three files named, then how many more. */
    private static String someFiles(List<String> files, Language l) {
        String shown = String.join(", ", files.subList(0, Math.min(3, files.size())));
        int more = files.size() - 3;
        return more <= 0 ? shown : shown + l.pick(" og " + more + " filer mere", " and " + more + " more files");
    }

    private static List<String> labels(List<String> ids, JsonNode indicators, String language) {
        return ids.stream().map(id -> {
            for (JsonNode i : indicators) {
                if (id.equals(i.path("id").asText())) return i.path("label").path(language).asText(id);
            }
            return id;
        }).toList();
    }

    /**
     * The health flag of a spec unit without rows. From a week after the start an error for a pilot and a control unit
     * alike: a decision on other teams than specified (fewer pilot teams, another comparison group) is one nobody
     * chose, so none is made and the last good one stands. In the first week a warning: a team new to the pilot may not
     * export yet. It names the unit, the unit it most likely means, what the pilot would be left with, and the fix.
     */
    static HealthFlag unitWithoutDataFlag(UnitsWithoutData.Missing m) {
        boolean pilot = m.pilotArm();
        ObjectNode details = Json.MAPPER.createObjectNode().put("unit", m.unit()).put("arm", m.arm());
        if (m.didYouMean() != null) details.put("did_you_mean", m.didYouMean());
        String meantDa = m.didYouMean() == null ? " Tjek stavningen mod kolonnen unit i eksporterne." : " Mente I '" + m.didYouMean() + "'?";
        String meantEn = m.didYouMean() == null ? " Check its spelling against the unit column of the exports." : " Did you mean '" + m.didYouMean() + "'?";
        details.put("left", m.left().name().toLowerCase(java.util.Locale.ROOT));
        if (m.candidate() != null) details.put("candidate", m.candidate());
        // Not blocking, tonight's decision was made without the unit; blocking, none was, and the text says what would have been.
        boolean made = !m.blocks();
        String withoutDa = switch (m.left()) {
            case OTHER_UNITS -> (made ? " Beslutningen er truffet uden den, altså på " : " Uden den ville piloten blive vurderet på ")
                + (pilot ? "færre pilotteams" : "en anden kontrolgruppe") + " end specificeret.";
            case NO_CONTROL_GROUP -> " Ingen anden kontrolenhed har rækker, så " + (made ? "beslutningen er truffet uden kontrolgruppe." : "uden den ville piloten blive vurderet uden kontrolgruppe.");
            case NOTHING -> m.candidate() != null ? " Ingen anden enhed hos kandidaten '" + m.candidate() + "' har rækker, så sammenligningen kan ikke bedømme den."
                : pilot ? " Ingen anden pilotenhed har rækker, så piloten kan slet ikke vurderes."
                : " Ingen anden kontrolenhed har rækker, og specifikationen har ingen baseline_start, så piloten kan slet ikke vurderes.";
        };
        String withoutEn = switch (m.left()) {
            case OTHER_UNITS -> (made ? " The decision was made without it, on " : " Without it the pilot would be evaluated on ")
                + (pilot ? "fewer pilot teams" : "a different control group") + " than specified.";
            case NO_CONTROL_GROUP -> " No other control unit has rows, so " + (made ? "the decision was made without a control group." : "without it the pilot would be evaluated without a control group.");
            case NOTHING -> m.candidate() != null ? " No other unit of candidate '" + m.candidate() + "' has rows, so the comparison cannot judge it."
                : pilot ? " No other pilot unit has rows, so the pilot cannot be evaluated at all."
                : " No other control unit has rows and the spec has no baseline_start, so the pilot cannot be evaluated at all.";
        };
        // Only a warning has an end (a flag built without a start, as the page tests build one, blocks).
        LocalDate until = made ? (m.left() == UnitsWithoutData.Left.NOTHING ? m.start() : m.start().plusDays(UnitsWithoutData.GRACE_DAYS)) : null;
        String stateDa = !made ? " Piloten vurderes ikke, før det er rettet, og dens seneste gyldige beslutning gælder."
            : " En advarsel indtil " + Language.DA.date(until) + ": et team, der er nyt i piloten, eksporterer måske ikke endnu.";
        String stateEn = !made ? " The pilot is not evaluated until it is fixed, and its last good decision stands."
            : " A warning until " + Language.EN.date(until) + ": a team new to the pilot may not export yet.";
        return new HealthFlag(UNIT_WITHOUT_DATA, !made ? HealthFlag.Severity.ERROR : HealthFlag.Severity.WARNING,
            (pilot ? "Pilotenheden '" : "Kontrolenheden '") + m.unit() + "' i pilotspecifikationen har ingen rækker i data." + meantDa + withoutDa + stateDa
                + " Ret: stav enheden som i data i specifikationen; næste nat evalueres piloten igen.",
            (pilot ? "Pilot unit '" : "Control unit '") + m.unit() + "' in the pilot spec has no rows in the data." + meantEn + withoutEn + stateEn
                + " Fix: spell the unit as the data does in the spec; the pilot is evaluated again the next night.",
            details);
    }

    /**
     * A business case without any cost row for the pilot: its net present value is the gain alone, and the pilot cannot
     * GO until costs arrive. The page says so beside the numbers; the flag puts it where a data team looks each morning
     * (the digest, the portfolio's warnings), because a spec copied under a new id silently loses its costs.
     */
    static HealthFlag costsUnknownFlag(String pilotId) {
        return new HealthFlag(COSTS_UNKNOWN, HealthFlag.Severity.WARNING,
            "Omkostningerne er ukendte: costs/ har ingen rækker med pilot_id '" + pilotId + "', så hver driftsform regnes til 0 kr., og piloten kan ikke "
                + "blive GO, før de kendes. Ret: lever omkostningerne i costs/ med pilot_id '" + pilotId + "'.",
            "The costs are unknown: costs/ has no rows with pilot_id '" + pilotId + "', so every deployment option counts as 0 kr., and the pilot "
                + "cannot GO until they are known. Fix: deliver its costs in costs/ with pilot_id '" + pilotId + "'.",
            Json.MAPPER.createObjectNode());
    }

    /**
     * Files of sources the pilot uses that were removed from the data root tonight: their rows were dropped from the
     * state, so tonight's numbers and every later night's (replays too) rest on the rest. Said the night it happens,
     * as a warning, because a file cleared away by mistake looks like a change in the teams' work.
     */
    static HealthFlag withdrawnFlag(List<FileProblem> files) {
        ObjectNode details = Json.MAPPER.createObjectNode();
        ArrayNode list = details.putArray("files");
        for (FileProblem p : files) list.addObject().put("source", p.source()).put("path", p.path()).put("message", p.message());
        boolean one = files.size() == 1;
        return new HealthFlag(FILES_WITHDRAWN, HealthFlag.Severity.WARNING,
            (one ? "En fil" : files.size() + " filer") + " blev fjernet fra datamappen i nat (" + paths(files) + "), og " + (one ? "dens" : "deres")
                + " rækker indgår ikke længere, heller ikke når tidligere nætter køres igen. Var det en fejl, så læg "
                + (one ? "filen tilbage; den læses" : "filerne tilbage; de læses") + " igen den følgende nat.",
            (one ? "A file was" : files.size() + " files were") + " removed from the data root tonight (" + paths(files) + "), and " + (one ? "its" : "their")
                + " rows are no longer used, not even when earlier nights are run again. If that was a mistake, put "
                + (one ? "the file back; it is" : "the files back; they are") + " read again the following night.",
            details);
    }

    private static String partialDa(List<FileProblem> rejected, List<CutOffFile> cutOff, List<QuarantinedFile> quarantined) {
        String out = "";
        if (!rejected.isEmpty()) {
            out = (rejected.size() == 1 ? "En fil" : rejected.size() + " filer") + " blev afvist i nat og indgår ikke (" + paths(rejected)
                + "); beslutningen bygger på de øvrige filer. Se datakvaliteten for årsagen.";
        }
        if (!cutOff.isEmpty()) {
            out += (out.isEmpty() ? "" : " ") + (cutOff.size() == 1 ? "En fil ser afskåret ud" : cutOff.size() + " filer ser afskårne ud")
                + " (" + cutOffPaths(cutOff) + "): " + cutOffSignsDa(cutOff) + ". "
                + "De rækker, der mangler, indgår ikke. Ret: lever hele filen igen; en ændret fil læses den følgende nat.";
        }
        if (!quarantined.isEmpty()) {
            out += (out.isEmpty() ? "" : " ") + (quarantined.size() == 1 ? "En fil" : quarantined.size() + " filer") + " mistede halvdelen eller flere af rækkerne til karantæne ("
                + quarantined.stream().map(q -> q.path() + ": " + q.rowsLost() + " af " + q.rowsRead() + (q.reason().isEmpty() ? "" : ", oftest " + q.reason()))
                    .collect(Collectors.joining("; "))
                + "), og de rækker indgår ikke. Se datakvaliteten for årsagen. Ret eksporten; en ændret fil læses den følgende nat.";
        }
        return out;
    }

    private static String partialEn(List<FileProblem> rejected, List<CutOffFile> cutOff, List<QuarantinedFile> quarantined) {
        String out = "";
        if (!rejected.isEmpty()) {
            out = (rejected.size() == 1 ? "A file was rejected tonight and is" : rejected.size() + " files were rejected tonight and are") + " not included (" + paths(rejected)
                + "); the decision rests on the other files. See data quality for why.";
        }
        if (!cutOff.isEmpty()) {
            out += (out.isEmpty() ? "" : " ") + (cutOff.size() == 1 ? "A file looks" : cutOff.size() + " files look") + " cut off during export ("
                + cutOffPaths(cutOff) + "): " + cutOffSignsEn(cutOff) + ". "
                + "The rows it lacks are not included. Fix: re-deliver the whole file; a changed file is read the following night.";
        }
        if (!quarantined.isEmpty()) {
            out += (out.isEmpty() ? "" : " ") + (quarantined.size() == 1 ? "A file" : quarantined.size() + " files") + " lost half or more of " + (quarantined.size() == 1 ? "its" : "their")
                + " rows to quarantine (" + quarantined.stream().map(q -> q.path() + ": " + q.rowsLost() + " of " + q.rowsRead()
                    + (q.reason().isEmpty() ? "" : ", mostly " + q.reason())).collect(Collectors.joining("; "))
                + "), and those rows are not included. See data quality for why. Fix the export; a changed file is read the following night.";
        }
        return out;
    }

    /*
     * What was seen, said only of the files it is true of: "fewer rows than the version replaced" of a file that
     * replaced one with more rows, a last line that is no whole record of the others (a new file replaces nothing).
     */
    private static String cutOffSignsEn(List<CutOffFile> files) {
        boolean fewer = files.stream().anyMatch(CutOffFile::fewerRows), midRecord = files.stream().anyMatch(f -> !f.fewerRows());
        String rows = "fewer rows than the version " + (files.size() == 1 ? "it" : "they") + " replaced";
        String end = "a last line without a line end that is not a whole record (the file ends mid-record)";
        return fewer && midRecord ? rows + ", or " + end : fewer ? rows : end;
    }

    private static String cutOffSignsDa(List<CutOffFile> files) {
        boolean fewer = files.stream().anyMatch(CutOffFile::fewerRows), midRecord = files.stream().anyMatch(f -> !f.fewerRows());
        String rows = "færre rækker end den version, " + (files.size() == 1 ? "den" : "de") + " erstattede";
        String end = "en sidste linje uden linjeskift, der ikke er en hel række (filen slutter midt i en række)";
        return fewer && midRecord ? rows + ", eller " + end : fewer ? rows : end;
    }

    private static String cutOffPaths(List<CutOffFile> files) {
        return files.stream().map(CutOffFile::path).collect(Collectors.joining(", "));
    }

    private static String paths(List<FileProblem> files) {
        return files.stream().map(FileProblem::path).collect(Collectors.joining(", "));
    }

    private static String kept(LocalDate keptFrom, String until, String otherwise) {
        return keptFrom == null ? otherwise : "Beslutningen fra " + Language.DA.date(keptFrom) + " gælder fortsat, " + until + ".";
    }

    private static String keptEn(LocalDate keptFrom, String until, String otherwise) {
        return keptFrom == null ? otherwise : "The decision of " + Language.EN.date(keptFrom) + " stands " + until + ".";
    }

    static String sourceDa(Source s) {
        return switch (s) {
            case CASES -> "sager";
            case SURVEY_RESPONSES -> "spørgeskemasvar";
            case COSTS -> "omkostninger";
            case TECH_METRICS -> "tekniske målinger";
            case USAGE -> "brugsdata";
        };
    }
}
