package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * "When will we know?" for an EXTEND pilot: how far it has come from its start to the day a decision is
 * expected (tonight plus the published extension estimate), as a bar and in words.
 */
public record Progress(long value, long max, String percentText, String label, String expectedIso) {
    /** Null unless the pilot is EXTEND with an estimate and has started. */
    static Progress of(Texts t, JsonNode doc) {
        LocalDate expected = Docs.expectedDecision(doc), start = Docs.date(doc, "start");
        Long running = Docs.daysRunning(doc);
        if (expected == null || start == null || running == null || running < 0) return null;
        long total = Math.max(1, ChronoUnit.DAYS.between(start, expected));
        // Days gone, as the portfolio's "Kørt i" counts them: the two must not disagree by one on the same screen.
        long day = Math.min(total, running);
        String label = t.format("progress.label", t.count(day), t.count(total), t.date(expected));
        return new Progress(day, total, t.withUnit(t.count(Math.round(100.0 * day / total)), "%"), label, expected.toString());
    }
}
