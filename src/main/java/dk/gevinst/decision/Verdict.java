package dk.gevinst.decision;

/** What the evidence says about one indicator. */
public enum Verdict {
    BETTER, WORSE, FUTILE, INCONCLUSIVE, BREACHED, NON_INFERIOR, INSUFFICIENT_DATA, INFORMATIONAL;

    public String key() {
        return name().toLowerCase();
    }
}
