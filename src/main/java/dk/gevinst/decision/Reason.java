package dk.gevinst.decision;

/** One reason for a decision: a stable code, the indicator it concerns (or null), and the sentence in both languages. */
public record Reason(String code, String indicator, String da, String en) {
    public String text(dk.gevinst.text.Language language) {
        return language == dk.gevinst.text.Language.DA ? da : en;
    }
}
