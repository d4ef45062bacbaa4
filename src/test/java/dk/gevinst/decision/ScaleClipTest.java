package dk.gevinst.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.indicator.Scale;
import dk.gevinst.text.Language;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An interval on a bounded scale stays within the changes the scale allows, and one that spans them all says
 * "too few data" in the reason as on the page, and decides nothing (issue 10). One reading for page and verdict.
 */
class ScaleClipTest {
    private static PilotSpec spec() throws Exception {
        return spec("""
              first_time_right: {role: success, mde: 0.03}
              appeal_overturn_rate: {role: guardrail, margin: 0.02}
              sus: {role: success, mde: "5%"}
            """);
    }

    private static PilotSpec spec(String indicators) throws Exception {
        return new PilotSpecParser(Catalog.builtIn()).parse("t.yaml", """
            id: p
            title: "P"
            start: 2026-03-02
            end: 2026-06-30
            arms: {pilot: [A], control: [B]}
            indicators:
            """ + indicators);
    }

    private static Analysis.Bound raw(double low, double high, double relLow, double relHigh) {
        return new Analysis.Bound(0.025, Analysis.CASE, 0.1, 30, 100, low, high, relLow, relHigh, false);
    }

    @Test
    void aRateKeepsItsLevelBetweenNoneAndAll() {
        // Level without the pilot 20 %, change −5 pp: with the pilot 15 %. The change lies in 15 % − [0, 100 %].
        Analysis.Bound b = ScaleClip.clip(raw(-0.30, 0.10, Double.NaN, Double.NaN), new Scale(0, 1), -0.05, 0.20);
        assertThat(b.low()).isCloseTo(-0.30, within(1e-12));
        assertThat(b.high()).as("the level without the pilot is at least 0 %").isCloseTo(0.10, within(1e-12));
        assertThat(b.saysNothing()).isFalse();
        Analysis.Bound wide = ScaleClip.clip(raw(-0.971, 0.815, Double.NaN, Double.NaN), new Scale(0, 1), -0.05, 0.20);
        assertThat(wide.low()).isCloseTo(-0.85, within(1e-12));
        assertThat(wide.high()).isCloseTo(0.15, within(1e-12));
        assertThat(wide.saysNothing()).as("the data exclude no level the scale allows").isTrue();
    }

    @Test
    void aTimeNeverFallsMoreThanAllOfIt() throws Exception {
        // A response time of 32 s with the chatbot against 74 s without: a change of −42 s, −56 %. Two teams and
        // few weeks give a wide interval, −136 to +52 s; as a relative change the low end read −184 %.
        Scale scale = Scale.of(Catalog.builtIn().find("query_seconds").orElseThrow());
        assertThat(scale).isEqualTo(new Scale(0, Double.POSITIVE_INFINITY));
        Analysis.Bound b = ScaleClip.clip(raw(-136, 52, -1.84, 0.71), scale, -42, 74);
        assertThat(b.relativeLow()).as("at most all of it").isCloseTo(-1.0, within(1e-12));
        assertThat(b.relativeHigh()).isEqualTo(0.71);
        assertThat(b.low()).isEqualTo(-136);
        assertThat(b.high()).as("the time without the chatbot is at least 0 s: the change at most +32 s").isCloseTo(32, within(1e-12));
        assertThat(b.saysNothing()).isFalse();
        // A custom column may be negative (a balance, a difference): no scale, whatever it measures.
        PilotIndicator custom = spec("  saldo: {role: success, column: saldo, direction: higher_is_better, mde: 1}\n").indicators().get(0);
        assertThat(Scale.of(custom.definition())).isNull();
    }

    @Test
    void aScoresRelativeChangeNeverReadsBelowWhatTheScaleAllows() {
        // SUS 70 without the pilot, 72 with it: the relative change is at least 72/100 − 1 = −28 %.
        Analysis.Bound b = ScaleClip.clip(raw(-20, 25, -1.28, 1.46), new Scale(0, 100), 2, 70);
        assertThat(b.relativeLow()).isCloseTo(-0.28, within(1e-12));
        assertThat(b.relativeHigh()).as("no upper limit on a scale from 0").isEqualTo(1.46);
        assertThat(b.low()).isEqualTo(-20);
        assertThat(b.saysNothing()).isFalse();
    }

    @Test
    void anIndicatorWithoutAScaleIsLeftAlone() {
        Analysis.Bound in = raw(-30, 10, -0.5, 0.2);
        assertThat(ScaleClip.clip(in, null, -5, 60)).isSameAs(in);
        assertThat(Scale.of(Catalog.builtIn().find("handling_time").orElseThrow())).as("a time: never negative, no upper end")
            .isEqualTo(new Scale(0, Double.POSITIVE_INFINITY));
        assertThat(Scale.of(Catalog.builtIn().find("sus").orElseThrow())).isEqualTo(new Scale(0, 100));
        assertThat(Scale.of(Catalog.builtIn().find("core_task_score").orElseThrow())).isEqualTo(new Scale(1, 5));
    }

    @Test
    void anIntervalThatSaysNothingDecidesNothingAndTheReasonSaysSo() throws Exception {
        PilotSpec spec = spec();
        PilotIndicator ftr = spec.indicators().get(0), appeals = spec.indicators().get(1);
        Analysis.Bound nothing = ScaleClip.clip(raw(-0.995, 0.815, Double.NaN, Double.NaN), new Scale(0, 1), 0.005, 0.005);
        assertThat(nothing.high()).as("with the pilot 1 %: the level without was at least 0 %").isCloseTo(0.01, within(1e-12));
        assertThat(nothing.saysNothing()).isTrue();
        Analysis a = analysis(nothing, 0.005, 0.005);
        // Without the flag the clipped interval would call first time right futile (its high is below the mde of 3 pp).
        assertThat(Verdicts.judge(ftr, a, List.of(0.025)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdicts.judge(appeals, a, List.of(0.025)).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        IndicatorResult r = new IndicatorResult(ftr, Design.PARALLEL, null, a, null, a, nothing, false, 0.03, Double.NaN, Verdict.INCONCLUSIVE,
            false, null, null, null);
        assertThat(ReasonTexts.change(r, Language.DA)).isEqualTo("Rigtigt første gang steg 0,5\u00a0procentpoint (for få data til et interval)");
        assertThat(ReasonTexts.change(r, Language.EN)).isEqualTo("First time right rose 0,5\u00a0percentage points (too few data for an interval)"
            .replace("0,5", Language.EN.number(0.5, 1)));
    }

    private static Analysis analysis(Analysis.Bound b, double estimate, double cf) {
        return new Analysis(Analysis.SEQUENTIAL, LocalDate.of(2026, 5, 1), estimate, cf, estimate / cf, 0.1, 30, 0.1, 100, 8, null, List.of(b),
            1000, List.of());
    }
}
