package dk.gevinst.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * One data-health finding about a pilot's decision, published in the decision JSON under {@code health}
 * and shown, generically, in the banner at the top of the pilot page, on the portfolio and in the digest.
 * A stage that detects something (stale data, a rejected file, a failed pre-trend check, evidence from a
 * single team) only adds a flag; no page code changes. The texts name the item, the value and the fix.
 *
 * @param details optional machine-readable fields published beside the texts (e.g. {@code sources} of
 *                stale data, {@code files} of partial data); pages never read them, scripts may
 */
public record HealthFlag(String code, Severity severity, String textDa, String textEn, ObjectNode details) {
    /** The fields every flag has; details may not replace them. */
    private static final Set<String> FIELDS = Set.of("code", "severity", "text_da", "text_en");

    /** ERROR: the decision may be wrong because of it. WARNING: read the decision with care. */
    public enum Severity {
        ERROR, WARNING;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public HealthFlag {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        if (textDa == null || textDa.isBlank() || textEn == null || textEn.isBlank()) {
            throw new IllegalArgumentException("health flag " + code + " needs a Danish and an English text");
        }
        details = details == null ? Json.MAPPER.createObjectNode() : details.deepCopy();
        details.fieldNames().forEachRemaining(f -> {
            if (FIELDS.contains(f)) throw new IllegalArgumentException("health flag " + code + ": a detail may not be named " + f);
        });
    }

    public HealthFlag(String code, Severity severity, String textDa, String textEn) {
        this(code, severity, textDa, textEn, null);
    }

    /** The flag as published: code, severity, both texts, then the details. */
    public ObjectNode toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode().put("code", code).put("severity", severity.key()).put("text_da", textDa).put("text_en", textEn);
        o.setAll(details.deepCopy());
        return o;
    }
}
