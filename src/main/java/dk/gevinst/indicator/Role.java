package dk.gevinst.indicator;

/** What an indicator does in the decision. Technical and descriptive indicators are shown, never decided on. */
public enum Role {
    SUCCESS,
    GUARDRAIL,
    TECHNICAL,
    DESCRIPTIVE;

    public String key() {
        return name().toLowerCase();
    }

    public boolean decides() {
        return this == SUCCESS || this == GUARDRAIL;
    }

    public static Role parse(String s) {
        for (Role r : values()) if (r.key().equals(s)) return r;
        return null;
    }
}
