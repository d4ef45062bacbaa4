package dk.gevinst.decision;

/** The decision about a pilot. */
public enum Outcome {
    GO, EXTEND, STOP;
}
