package dk.gevinst.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The Borgerservice system exports JSON lines, with booleans as JSON and an open case's decided_at as null. */
final class CaseJsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseJsonLines() {}

    static String render(List<CaseVersion> rows, boolean dirty) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (CaseVersion v : rows) {
            ObjectNode o = JSON.createObjectNode().put("case_id", v.caseId()).put("unit", v.unit()).put("case_type", v.caseType())
                .put("opened_at", MunicipalityGenerator.iso(v.openedAt()));
            if (v.decidedAt() == null) o.putNull("decided_at");
            else o.put("decided_at", MunicipalityGenerator.iso(v.decidedAt()));
            if (v.handlingMinutes() == null) o.putNull("handling_minutes");
            else o.put("handling_minutes", v.handlingMinutes());
            o.put("caseworker_id", v.caseworker()).put("citizen_id", v.citizen()).put("reopened", v.reopened())
                .put("appealed", v.appealed()).put("appeal_overturned", v.overturned()).put("updated_at", MunicipalityGenerator.iso(v.updatedAt()));
            b.append(write(o)).append('\n');
            if (dirty && ++i == 10) {
                b.append("{\"case_id\": \"BS-DIRTY-1\", \"unit\": \"Borgerservice Herning\", \"opened_at\": \"2026-09-0").append('\n'); // malformed_row
                ObjectNode yesterday = o.deepCopy().put("case_id", "BS-DIRTY-2").put("opened_at", "i går");
                b.append(write(yesterday)).append('\n');                                                     // bad_value:opened_at
            }
        }
        return b.toString();
    }

    private static String write(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
