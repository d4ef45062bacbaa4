package dk.gevinst.decision;

/** The study design the spec and the data allow; {@code NONE} when not even two cells exist. */
public enum Design {
    DID, PARALLEL, PREPOST, NONE;

    public String key() {
        return name().toLowerCase();
    }
}
