package dk.gevinst.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A/A simulations with team-by-week drift through the real evaluation (issue 8): no effect, one pilot team
 * and one to three control teams, 200 cases per team and week, shocks of 5 % and 10 % of the case SD that are
 * independent week to week or AR(1) with ρ = 0.8, looked at every night (see {@link TeamDriftSimulation}).
 * The share of pilots that ever go GO must stay within α/2 = 2.5 %: at every setting within a Monte-Carlo
 * margin (2.33 binomial standard errors, one-sided 99 %), and pooled over the settings within the pooled
 * margin. The same draws looked at with the case-level confidence sequence alone (today's rule before
 * issue 8) must exceed α/2 where the drift is persistent: the simulation can tell an honest rule from one
 * that is not. Seeded per setting; its wall time is printed.
 */
class TeamDriftAaSimulationTest {
    static final int PILOTS = 100;
    static final double TARGET = 0.025;

    static final List<TeamDriftSimulation.Setting> SETTINGS = List.of(
        new TeamDriftSimulation.Setting(1, 0.05, 0.0, 200, 0),
        new TeamDriftSimulation.Setting(1, 0.10, 0.0, 200, 0),
        new TeamDriftSimulation.Setting(1, 0.05, 0.8, 200, 0),
        new TeamDriftSimulation.Setting(1, 0.10, 0.8, 200, 0),
        new TeamDriftSimulation.Setting(2, 0.10, 0.0, 200, 0),
        new TeamDriftSimulation.Setting(2, 0.10, 0.8, 200, 0),
        new TeamDriftSimulation.Setting(3, 0.05, 0.8, 200, 0),
        new TeamDriftSimulation.Setting(3, 0.10, 0.8, 200, 0));

    @Test
    void falseGoStaysWithinHalfAlphaWhereCaseLevelInferenceDoesNot() throws Exception {
        long started = System.nanoTime();
        // One setting per task on the machine's two cores: each setting has its own seed, so the outcomes do not
        // depend on which thread ran which.
        List<TeamDriftSimulation.Outcome> outcomes = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<TeamDriftSimulation.Outcome>> runs = new ArrayList<>();
            for (int i = 0; i < SETTINGS.size(); i++) {
                TeamDriftSimulation.Setting s = SETTINGS.get(i);
                long seed = 20261129 + i;
                runs.add(pool.submit(() -> new TeamDriftSimulation(s.controls(), false).run(s, PILOTS, seed)));
            }
            for (var run : runs) outcomes.add(run.get());
        } finally {
            pool.shutdownNow();
        }
        for (TeamDriftSimulation.Outcome o : outcomes) {
            System.out.printf("A/A team drift %s: false GO %d/%d = %.3f; case-level CS alone ever 'better' %.3f%n",
                o.setting(), o.go(), o.pilots(), o.rate(), o.caseLevelRate());
        }
        int go = outcomes.stream().mapToInt(TeamDriftSimulation.Outcome::go).sum();
        int total = PILOTS * SETTINGS.size();
        System.out.printf("A/A team drift pooled: false GO %d/%d = %.4f (alpha/2 = %.3f); %.1f s wall on two threads%n", go, total,
            (double) go / total, TARGET, (System.nanoTime() - started) / 1e9);
        for (TeamDriftSimulation.Outcome o : outcomes) {
            assertThat(o.rate()).as("false GO at %s", o.setting()).isLessThanOrEqualTo(TARGET + margin(PILOTS));
        }
        assertThat((double) go / total).as("false GO pooled").isLessThanOrEqualTo(TARGET + margin(total));
        // The hardest settings show the simulation can fail: case-level inference alone is not honest there.
        for (TeamDriftSimulation.Outcome o : outcomes) {
            if (o.setting().rho() > 0 && o.setting().shock() >= 0.10) {
                assertThat(o.caseLevelRate()).as("case-level alone at %s", o.setting()).isGreaterThan(TARGET + margin(PILOTS));
            }
        }
    }

    static double margin(int n) {
        return 2.33 * Math.sqrt(TARGET * (1 - TARGET) / n);
    }
}
