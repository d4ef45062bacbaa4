package dk.gevinst.ingest;

import dk.gevinst.source.Columns;
import dk.gevinst.source.RawRecord;
import dk.gevinst.source.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates every record of one file, then applies the rules that need the whole file: a repeated key is
 * a duplicate, and a SUS response without all ten items is incomplete. Every record comes out once,
 * accepted or with a reason, so rows read = accepted + quarantined by construction.
 */
public final class FileValidation {
    private FileValidation() {}

    public static List<ValidatedRow> validate(RowValidator validator, List<RawRecord> records, boolean decimalComma) {
        Source source = validator.source();
        List<ValidatedRow> rows = new ArrayList<>(records.size());
        Set<String> seenKeys = new HashSet<>();
        Map<String, String> caseByRegistration = new HashMap<>();
        int width = source.columns().size();
        for (RawRecord r : records) {
            if (r.malformed() != null) {
                rows.add(new ValidatedRow(r.line(), new Object[width], Map.of(), Reasons.MALFORMED_ROW, List.of()));
                continue;
            }
            ValidatedRow row = validator.validate(r.line(), r.fields(), decimalComma);
            if (row.accepted()) {
                String key = duplicateKey(source, row.values());
                if (key != null && !seenKeys.add(key)) row = row.quarantined(Reasons.DUPLICATE);
                else if (source == Source.CASES && isDoubleRegistration(source, row.values(), caseByRegistration)) {
                    row = row.quarantined(Reasons.DUPLICATE);
                }
            }
            rows.add(row);
        }
        return source == Source.SURVEY_RESPONSES ? quarantineIncompleteSus(rows) : rows;
    }

    private static String duplicateKey(Source s, Object[] v) {
        return switch (s) {
            case CASES -> v[s.indexOf(Columns.CASE_ID)] + "|" + v[s.indexOf(Columns.UPDATED_AT)];
            case SURVEY_RESPONSES -> v[s.indexOf(Columns.RESPONSE_ID)] + "|" + v[s.indexOf(Columns.INSTRUMENT)] + "|" + v[s.indexOf(Columns.ITEM)];
            case TECH_METRICS -> v[s.indexOf(Columns.PILOT_ID)] + "|" + v[s.indexOf(Columns.DAY)] + "|" + v[s.indexOf(Columns.METRIC)];
            case USAGE -> v[s.indexOf(Columns.USER_ID)] + "|" + v[s.indexOf(Columns.DAY)];
            case COSTS -> null;
        };
    }

    /**
     * The same citizen, case type and opening time under another case id is one case registered twice.
     * This is the one use of the (pseudonymised) citizen id, which is dropped after ingest.
     */
    private static boolean isDoubleRegistration(Source s, Object[] v, Map<String, String> caseByRegistration) {
        Object citizen = v[s.indexOf(Columns.CITIZEN_ID)];
        if (citizen == null) return false;
        String registration = citizen + "|" + v[s.indexOf(Columns.CASE_TYPE)] + "|" + v[s.indexOf(Columns.OPENED_AT)];
        String caseId = (String) v[s.indexOf(Columns.CASE_ID)];
        String earlier = caseByRegistration.putIfAbsent(registration, caseId);
        return earlier != null && !earlier.equals(caseId);
    }

    private static List<ValidatedRow> quarantineIncompleteSus(List<ValidatedRow> rows) {
        Source s = Source.SURVEY_RESPONSES;
        int instrument = s.indexOf(Columns.INSTRUMENT), response = s.indexOf(Columns.RESPONSE_ID), item = s.indexOf(Columns.ITEM);
        Map<Object, Set<Integer>> items = new HashMap<>();
        for (ValidatedRow r : rows) {
            if (r.accepted() && SurveyInstruments.SUS.equals(r.values()[instrument])) {
                items.computeIfAbsent(r.values()[response], k -> new TreeSet<>()).add((Integer) r.values()[item]);
            }
        }
        Set<Object> incomplete = new HashSet<>();
        items.forEach((id, got) -> {
            if (got.size() != SurveyInstruments.SUS_ITEMS) incomplete.add(id);
        });
        if (incomplete.isEmpty()) return rows;
        List<ValidatedRow> out = new ArrayList<>(rows.size());
        for (ValidatedRow r : rows) {
            boolean drop = r.accepted() && SurveyInstruments.SUS.equals(r.values()[instrument])
                && incomplete.contains(Objects.requireNonNull(r.values()[response]));
            out.add(drop ? r.quarantined(Reasons.INCOMPLETE_RESPONSE) : r);
        }
        return out;
    }
}
