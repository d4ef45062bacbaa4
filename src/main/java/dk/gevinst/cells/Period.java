package dk.gevinst.cells;

/** PRE is [baseline_start, start); POST is [start + ramp_up_days, as_of]. Days between are left out. */
public enum Period {
    PRE, POST;

    public String key() {
        return name().toLowerCase();
    }
}
