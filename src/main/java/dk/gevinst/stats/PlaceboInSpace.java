package dk.gevinst.stats;

import java.util.List;

/**
 * Placebo inference in space (Abadie, Diamond and Hainmueller 2010; the placebo variance of Arkhangelsky et
 * al. 2021): each control unit, made a pseudo-pilot against the remaining controls with the same design,
 * gives an estimate of what the pilot's estimate looks like with no effect. Their root mean square is the
 * standard error of the pilot's estimate; with J placebos it has J degrees of freedom, since under no
 * effect and exchangeable units the pilot's estimate over that root mean square is t with J degrees of
 * freedom. The rank p-value is the share of all J + 1 estimates at least as far from zero as the pilot's.
 */
public record PlaceboInSpace(double estimate, List<Double> placebos, double standardError, double rankPValue) {

    public PlaceboInSpace {
        placebos = List.copyOf(placebos);
    }

    public static PlaceboInSpace of(double estimate, List<Double> placebos) {
        if (placebos.isEmpty()) throw new IllegalArgumentException("placebo inference needs at least one control unit");
        double ss = 0;
        int atLeast = 1;
        for (double p : placebos) {
            ss += p * p;
            if (Math.abs(p) >= Math.abs(estimate)) atLeast++;
        }
        return new PlaceboInSpace(estimate, placebos, Math.sqrt(ss / placebos.size()), (double) atLeast / (placebos.size() + 1));
    }

    public int degreesOfFreedom() {
        return placebos.size();
    }
}
