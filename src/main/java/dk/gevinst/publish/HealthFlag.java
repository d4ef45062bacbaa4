package dk.gevinst.publish;

import java.util.Objects;

/**
 * One data-health finding about a pilot's decision, published in the decision JSON under {@code health}
 * and shown, generically, in the banner at the top of the pilot page, on the portfolio and in the digest.
 * A stage that detects something (stale data, a rejected file, a failed pre-trend check, evidence from a
 * single team) only adds a flag; no page code changes. The texts name the item, the value and the fix.
 */
public record HealthFlag(String code, Severity severity, String textDa, String textEn) {
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
    }
}
