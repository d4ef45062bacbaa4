package dk.gevinst.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.indicator.Catalog;
import dk.gevinst.publish.DecisionDocument;
import dk.gevinst.publish.Json;
import dk.gevinst.testing.Repo;
import dk.gevinst.stats.DriftPosterior;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drift fits kept from one night for the next must change nothing but the time: a pilot evaluated with them
 * publishes, to the last bit, what it publishes when every fit is made again.
 */
class KeptDriftFitsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static final LocalDate TWO_WEEKS_EARLIER = AS_OF.minusDays(14);
    private static PilotSpec spec;
    private static List<CellStats> cells;

    @BeforeAll
    static void pilot() throws Exception {
        spec = new PilotSpecParser(Catalog.builtIn()).parse("sagsoverblik.yaml", Files.readString(Repo.root().resolve("jobs/pilots/sagsoverblik.yaml")));
        cells = EvaluationBenchmark.cells(spec, AS_OF);
    }

    @Test
    void theSameNightWithItsOwnKeptFitsMakesNoFitAndPublishesTheSame() throws Exception {
        DriftFits cold = new DriftFits();
        String alone = published(AS_OF, cold);
        assertThat(cold.made()).as("fits made by an evaluation that kept none").isGreaterThan(3);
        assertThat(cold.kept()).isZero();

        KeptDriftFits kept = KeptDriftFits.fromBytes(KeptDriftFits.of(AS_OF, List.of(cold)).toBytes());
        assertThat(kept.size()).isEqualTo(cold.made());
        DriftFits again = kept.forEvaluation();
        assertThat(published(AS_OF, again)).isEqualTo(alone);
        assertThat(again.made()).isZero();
        assertThat(again.kept()).isEqualTo(cold.made());
    }

    @Test
    void aLaterNightTakesTheFitsOfWeeksThatDidNotChangeAndMakesTheRest() throws Exception {
        DriftFits earlier = new DriftFits();
        published(TWO_WEEKS_EARLIER, earlier);
        KeptDriftFits kept = KeptDriftFits.fromBytes(KeptDriftFits.of(TWO_WEEKS_EARLIER, List.of(earlier)).toBytes());

        DriftFits seeded = kept.forEvaluation();
        String withKept = published(AS_OF, seeded);
        assertThat(seeded.kept()).as("the baseline's weeks are the same two weeks later (the pre-trend fits)").isPositive();
        assertThat(seeded.made()).as("two more complete weeks make new fits").isPositive();
        assertThat(withKept).isEqualTo(published(AS_OF, new DriftFits()));
    }

    @Test
    void aFitWrittenAndReadAgainAnswersEveryQuestionToTheLastBit() throws Exception {
        DriftFits cold = new DriftFits();
        published(AS_OF, cold);
        for (Map.Entry<DriftFits.Key, DriftPosterior> e : cold.used().entrySet()) {
            DriftPosterior fit = e.getValue();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fit.writeTo(new DataOutputStream(bytes));
            DriftPosterior read = DriftPosterior.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            DriftFits.Key k = e.getKey();
            double[] t = new double[k.weeks()], noise = new double[k.weeks()], c = new double[k.weeks()];
            for (int i = 0; i < t.length; i++) {
                t[i] = k.t(i);
                noise[i] = k.noise(i);
            }
            for (int i = 0; i < c.length; i++) c[i] = i < c.length / 2 ? -1.0 / (c.length / 2) : 1.0 / (c.length - c.length / 2);
            assertThat(answers(read, c, t, noise)).isEqualTo(answers(fit, c, t, noise));
        }
    }

    private static List<String> answers(DriftPosterior p, double[] c, double[] t, double[] noise) {
        return java.util.stream.DoubleStream.of(p.bestLogLik(), p.modeSigma2(), p.modeRho(), p.meanSigma(), p.meanRho(),
                p.critical(c, t, noise, 0.025), p.meanVariance(c, t, noise), p.degreesOfFreedom(c, t, noise))
            .mapToObj(Double::toHexString).toList();
    }

    @Test
    void keptFitsHoldEachInputOnceAndKnowWhenTheyAreTheSame() throws Exception {
        DriftFits a = new DriftFits(), b = new DriftFits();
        published(AS_OF, a);
        published(AS_OF, b);
        KeptDriftFits both = KeptDriftFits.of(AS_OF, List.of(a, b));
        assertThat(both.size()).as("two evaluations of one pilot asked for the same fits").isEqualTo(a.made());
        assertThat(both.sameFitsAs(KeptDriftFits.fromBytes(both.toBytes()))).isTrue();
        assertThat(both.sameFitsAs(KeptDriftFits.NONE)).isFalse();
        assertThat(KeptDriftFits.NONE.sameFitsAs(KeptDriftFits.of(AS_OF, List.of()))).isTrue();
        DriftFits earlier = new DriftFits();
        published(TWO_WEEKS_EARLIER, earlier);
        assertThat(both.sameFitsAs(KeptDriftFits.of(TWO_WEEKS_EARLIER, List.of(earlier)))).isFalse();
    }

    @Test
    void bytesOfAnotherFormatOrArithmeticAreStaleAndBrokenOrChangedBytesAreNoFits() throws Exception {
        DriftFits cold = new DriftFits();
        published(AS_OF, cold);
        byte[] good = KeptDriftFits.of(AS_OF, List.of(cold)).toBytes();
        KeptDriftFits read = KeptDriftFits.fromBytes(good);
        assertThat(read.size()).isEqualTo(cold.made());
        assertThat(read.night()).isEqualTo(AS_OF);

        byte[] otherFormat = good.clone();
        ByteBuffer.wrap(otherFormat).putInt(4, KeptDriftFits.FORMAT + 1);
        assertThatThrownBy(() -> KeptDriftFits.fromBytes(otherFormat)).isInstanceOf(KeptDriftFits.Stale.class);
        byte[] otherArithmetic = good.clone();
        ByteBuffer.wrap(otherArithmetic).putLong(8, KeptDriftFits.fingerprint() + 1);
        assertThatThrownBy(() -> KeptDriftFits.fromBytes(withChecksum(otherArithmetic))).isInstanceOf(KeptDriftFits.Stale.class);

        byte[] oneBitFlipped = good.clone();
        oneBitFlipped[good.length / 2] ^= 1;
        assertThatThrownBy(() -> KeptDriftFits.fromBytes(oneBitFlipped)).hasMessageContaining("checksum does not match");
        for (byte[] broken : List.of(new byte[0], "not drift fits at all, but text".getBytes(), Arrays.copyOf(good, good.length - 5),
                Arrays.copyOf(good, good.length + 1))) {
            assertThatThrownBy(() -> KeptDriftFits.fromBytes(broken)).isInstanceOf(IOException.class).isNotInstanceOf(KeptDriftFits.Stale.class);
        }
        // Checksummed, but saying more weeks than it holds.
        byte[] tooManyWeeks = good.clone();
        ByteBuffer.wrap(tooManyWeeks).putInt(KeptDriftFits.HEADER_BYTES, Integer.MAX_VALUE / 2);
        assertThatThrownBy(() -> KeptDriftFits.fromBytes(withChecksum(tooManyWeeks))).hasMessageContaining("more than the file holds");
    }

    @Test
    void theFingerprintChangesWhenAFitWould() {
        long fingerprint = KeptDriftFits.fingerprint();
        assertThat(KeptDriftFits.fingerprint(DriftPosterior::of)).isEqualTo(fingerprint);
        assertThat(ByteBuffer.wrap(KeptDriftFits.NONE.toBytes()).getLong(8)).isEqualTo(fingerprint);
        // Arithmetic that differs only on the long, nearly noiseless series (where the likelihood rescales its product).
        KeptDriftFits.Fitter longSeriesDiffers = (y, x, t, noise) -> DriftPosterior.of(y, x, t, y.length == 200 ? nudged(noise) : noise);
        assertThat(KeptDriftFits.fingerprint(longSeriesDiffers)).isNotEqualTo(fingerprint);
        // Or only on the series the design fits exactly (the fallback for a residual variance of zero).
        KeptDriftFits.Fitter exactDiffers = (y, x, t, noise) -> DriftPosterior.of(y, x, t,
            java.util.stream.DoubleStream.of(y).allMatch(v -> v == 0) ? nudged(noise) : noise);
        assertThat(KeptDriftFits.fingerprint(exactDiffers)).isNotEqualTo(fingerprint);
    }

    private static double[] nudged(double[] v) {
        return java.util.stream.DoubleStream.of(v).map(a -> a * (1 + 1e-9)).toArray();
    }

    /** The bytes with their trailing CRC-32 made right again. */
    private static byte[] withChecksum(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - KeptDriftFits.TRAILER_BYTES);
        ByteBuffer.wrap(bytes).putLong(bytes.length - KeptDriftFits.TRAILER_BYTES, crc.getValue());
        return bytes;
    }

    /** Every analysis (hex doubles) and the document, from the cells known on the night. */
    private static String published(LocalDate asOf, DriftFits fits) throws Exception {
        CellTable table = new CellTable(cells.stream().filter(c -> !c.day().isAfter(asOf)).toList());
        PilotEvaluation e = PilotEvaluator.evaluate(spec, table, List.of(), asOf, Map.of(), fits);
        return EvaluationBenchmark.summary(e) + Json.MAPPER.writeValueAsString(DecisionDocument.build(e, Json.MAPPER.createObjectNode(), List.of()));
    }
}
