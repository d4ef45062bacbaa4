package dk.gevinst.dashboard;

/** The Sauro–Lewis curved grading scale for SUS scores (Sauro & Lewis, Quantifying the User Experience, 2016). */
public final class SusGrade {
    private static final double[] LOWER = {84.1, 80.8, 78.9, 77.2, 74.1, 72.6, 71.1, 65.0, 62.7, 51.7};
    private static final String[] GRADE = {"A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D"};

    private SusGrade() {}

    public static String of(double score) {
        for (int i = 0; i < LOWER.length; i++) if (score >= LOWER[i]) return GRADE[i];
        return "F";
    }
}
