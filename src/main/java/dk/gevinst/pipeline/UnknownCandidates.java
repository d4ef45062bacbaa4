package dk.gevinst.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.config.Candidate;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.ingest.FileLedger;
import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.publish.HealthFlag;
import dk.gevinst.publish.Json;
import dk.gevinst.source.Source;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Preference answers quarantined as {@code unknown_candidate} in the units one comparison covers: answers
 * naming a candidate that no valid comparison covering the unit listed on the night their file was read (a
 * misspelt id, or a spec that was invalid or not yet there then), so they count for no candidate; delivering
 * the file again has it read against that night's specs. The manifest counts them
 * per file; this puts them on the comparison they concern, as a health flag naming the units, the files, the
 * ids it does list and the fix. Read from the known files' ledger entries (quarantined rows keep no unit).
 *
 * @param answers quarantined answers in the comparison's units
 * @param byUnit those answers per unit (masked as every published unit)
 * @param files those answers per file they are in (display paths)
 * @param listed the candidate ids the comparison lists
 */
record UnknownCandidates(long answers, Map<String, Long> byUnit, Map<String, Long> files, List<String> listed) {
    static final UnknownCandidates NONE = new UnknownCandidates(0, Map.of(), Map.of(), List.of());

    UnknownCandidates {
        byUnit = new TreeMap<>(byUnit);
        files = new TreeMap<>(files);
        listed = List.copyOf(listed);
    }

    static UnknownCandidates of(PilotSpec spec, List<FileLedger.Entry> known) {
        if (spec == null || !spec.isComparison()) return NONE;
        Set<String> covered = new TreeSet<>(spec.controlUnits());
        spec.candidates().forEach(c -> covered.addAll(c.units()));
        Map<String, Long> byUnit = new TreeMap<>();
        Map<String, Long> files = new TreeMap<>();
        long answers = 0;
        for (FileLedger.Entry e : known) {
            if (!e.source().equals(Source.SURVEY_RESPONSES.folder()) || e.unknownCandidates() == null) continue;
            for (Map.Entry<String, Long> u : e.unknownCandidates().entrySet()) {
                if (!covered.contains(u.getKey())) continue;
                byUnit.merge(CprScrubber.mask(u.getKey()), u.getValue(), Long::sum);
                files.merge(e.display(), u.getValue(), Long::sum);
                answers += u.getValue();
            }
        }
        if (answers == 0) return NONE;
        return new UnknownCandidates(answers, byUnit, files, spec.candidates().stream().map(Candidate::id).toList());
    }

    boolean any() {
        return answers > 0;
    }

    /**
     * A warning, not an error: the comparison stands on the other answers, but these say nothing for any
     * candidate until the export (or the spec) names the candidate as the spec does.
     */
    HealthFlag flag() {
        String units = String.join(", ", byUnit.keySet());
        // The text is what a manager reads: the files by count (raw folder names are not for them); details name each.
        int fileCount = files.size();
        String whereDa = fileCount == 1 ? "i én fil med spørgeskemasvar" : "i " + fileCount + " filer med spørgeskemasvar";
        String whereEn = fileCount == 1 ? "in one survey file" : "in " + fileCount + " survey files";
        boolean one = answers == 1;
        String ids = String.join(", ", listed);
        ObjectNode details = Json.MAPPER.createObjectNode().put("answers", answers);
        ObjectNode perUnit = details.putObject("units");
        byUnit.forEach(perUnit::put);
        var list = details.putArray("files");
        files.forEach((f, n) -> list.addObject().put("source", Source.SURVEY_RESPONSES.folder()).put("path", f)
            .put("message", n + (n == 1 ? " answer names" : " answers name")
                + " a candidate no valid comparison covering its unit listed when the file was read (unknown_candidate)"));
        var candidates = details.putArray("candidates");
        listed.forEach(candidates::add);
        return new HealthFlag(HealthTexts.UNKNOWN_CANDIDATE, HealthFlag.Severity.WARNING,
            (one ? "Et præferencesvar" : answers + " præferencesvar") + " fra " + units + " (" + whereDa + ") nævner en kandidat, som ingen gyldig "
                + "sammenligning for enheden havde under arms.candidates den nat, filen blev læst; " + (one ? "det" : "de") + " er sat i karantæne og tæller for ingen kandidat. "
                + "Ret: brug et af id'erne " + ids + " i surveyens kandidatkolonne (eller tilføj kandidaten i specifikationen), og lever filen igen; "
                + "en ændret fil læses den følgende nat.",
            (one ? "A preference answer" : answers + " preference answers") + " from " + units + " (" + whereEn + ") " + (one ? "names" : "name")
                + " a candidate that no valid comparison covering the unit listed under arms.candidates on the night the file was read; "
                + (one ? "it is quarantined and counts" : "they are quarantined and count")
                + " for no candidate. "
                + "Fix: use one of the ids " + ids + " in the survey's candidate column (or add the candidate to the spec), and deliver the file "
                + "again; a changed file is read the following night.",
            details);
    }
}
