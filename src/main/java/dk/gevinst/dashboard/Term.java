package dk.gevinst.dashboard;

/** A labelled value, as in a description list: "Ejer: Borgerservice". */
public record Term(String term, String value) {}
