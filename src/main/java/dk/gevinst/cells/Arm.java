package dk.gevinst.cells;

public enum Arm {
    PILOT, CONTROL;

    public String key() {
        return name().toLowerCase();
    }
}
