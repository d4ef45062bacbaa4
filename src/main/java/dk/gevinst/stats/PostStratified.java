package dk.gevinst.stats;

import dk.gevinst.stats.Contrast.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The effect estimated within case type and averaged over the pilot's own case mix (post-stratification).
 *
 * <p>Within each stratum s the design's contrast is formed as usual: difference-in-differences
 * (P_post − P_pre) − (C_post − C_pre), parallel P_post − C_post, or before/after P_post − P_pre. The
 * adjusted effect is Σ w_s · effect_s with w_s = the stratum's share of the pilot arm's post-period cases,
 * so it is the effect on the cases the pilot actually handled: a pilot team that happens to get more easy
 * cases after the start is compared, type by type, with what the same types took before and elsewhere.
 * The weights are taken as fixed (conditional on the observed mix, as post-stratification usually is), so
 * the estimate is one {@link Contrast} over the stratum cells: its standard error is sqrt(Σ w_s² v/n) over
 * the case-level cells and its degrees of freedom Welch–Satterthwaite's.
 *
 * <p>Thin strata. A stratum stands alone only if every cell the design uses holds at least
 * {@code minCases} cases; with fewer its mean is noise and its variance estimate unstable. Strata without
 * pilot cases after the start carry no weight and are left out (the estimand is about the pilot's cases).
 * The other thin strata are pooled into one; if that pool is itself thin it joins the stratum with the most
 * pilot cases after the start. If no stratum stands alone, everything is one stratum and the adjusted
 * effect is the unadjusted one ({@link #pooledAll()}): every case, of every type, in one stratum.
 */
public record PostStratified(List<StratumCells> strata, List<Double> weights, List<String> pooled, String pooledInto,
                             List<String> leftOut, boolean usesBaseline, boolean usesControl) {
    /** The name of the stratum that holds the pooled thin strata when their pool stands alone. */
    public static final String POOLED = "*";
    /**
     * The fewest cases each used cell of a stratum needs to stand alone. Below it a case type's variance
     * estimate is too unsteady to be worth its own term: its relative standard error, sqrt(2/(n − 1)), is
     * already 32 % at 20 cases.
     */
    public static final long MIN_STRATUM_CASES = 20;

    public PostStratified {
        strata = List.copyOf(strata);
        weights = List.copyOf(weights);
        pooled = List.copyOf(pooled);
        leftOut = List.copyOf(leftOut);
        if (strata.isEmpty()) throw new IllegalArgumentException("post-stratification needs at least one stratum with pilot cases after the start");
        if (!usesBaseline && !usesControl) throw new IllegalArgumentException("a design compares with a baseline, a control or both");
    }

    /**
     * @param usesBaseline true for did and prepost
     * @param usesControl true for did and parallel
     * @param minCases the fewest cases every used cell of a stratum needs to stand alone
     */
    public static PostStratified of(List<StratumCells> strata, boolean usesBaseline, boolean usesControl, long minCases) {
        List<StratumCells> full = new ArrayList<>();
        List<StratumCells> thin = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (StratumCells s : strata.stream().sorted(Comparator.comparing(StratumCells::stratum)).toList()) {
            if (s.pilotPost().n() == 0) leftOut.add(s.stratum());
            else if (smallest(s, usesBaseline, usesControl) < minCases) thin.add(s);
            else full.add(s);
        }
        if (full.isEmpty()) {
            // Nothing stands alone: one stratum of every case, which is exactly the unadjusted contrast.
            StratumCells all = strata.stream().reduce(empty(POOLED), (a, b) -> a.plus(b, POOLED));
            if (all.pilotPost().n() == 0) throw new IllegalArgumentException("no stratum has pilot cases after the start");
            return new PostStratified(List.of(all), List.of(1.0), strata.stream().map(StratumCells::stratum).sorted().toList(), POOLED,
                List.of(), usesBaseline, usesControl);
        }
        List<String> pooledNames = thin.stream().map(StratumCells::stratum).toList();
        String pooledInto = null;
        if (!thin.isEmpty()) {
            StratumCells pool = thin.stream().reduce(empty(POOLED), (a, b) -> a.plus(b, POOLED));
            if (smallest(pool, usesBaseline, usesControl) >= minCases) {
                full.add(pool);
                pooledInto = POOLED;
            } else {
                int largest = 0;
                for (int i = 1; i < full.size(); i++) if (full.get(i).pilotPost().n() > full.get(largest).pilotPost().n()) largest = i;
                pooledInto = full.get(largest).stratum();
                full.set(largest, full.get(largest).plus(pool, pooledInto));
            }
        }
        long total = full.stream().mapToLong(s -> s.pilotPost().n()).sum();
        List<Double> weights = full.stream().map(s -> s.pilotPost().n() / (double) total).toList();
        return new PostStratified(full, weights, pooledNames, pooledInto, leftOut, usesBaseline, usesControl);
    }

    /** The stratum a case type is estimated in (itself, {@link #POOLED}, or the type a thin pool joined); null if left out. */
    public String stratumOf(String caseType) {
        if (pooled.contains(caseType)) return pooledInto;
        return strata.stream().anyMatch(s -> s.stratum().equals(caseType)) ? caseType : null;
    }

    /** True when no stratum could stand alone and every case was pooled into one: the estimate is then the unadjusted one. */
    public boolean pooledAll() {
        return strata.size() == 1 && strata.get(0).stratum().equals(POOLED);
    }

    /** Σ w_s · (the design's contrast within s), as one contrast over the stratum cells. */
    public Contrast contrast() {
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < strata.size(); i++) {
            StratumCells s = strata.get(i);
            double w = weights.get(i);
            terms.add(new Term(w, s.pilotPost()));
            if (usesBaseline) terms.add(new Term(-w, s.pilotPre()));
            if (usesControl) terms.add(new Term(-w, s.controlPost()));
            if (usesBaseline && usesControl) terms.add(new Term(w, s.controlPre()));
        }
        return new Contrast(terms);
    }

    /** The mean the pilot's own post-period cases would have had without the change: Σ w_s · counterfactual_s. */
    public double counterfactual() {
        double cf = 0;
        for (int i = 0; i < strata.size(); i++) {
            StratumCells s = strata.get(i);
            double within = usesBaseline && usesControl ? s.pilotPre().mean() + s.controlPost().mean() - s.controlPre().mean()
                : usesControl ? s.controlPost().mean() : s.pilotPre().mean();
            cf += weights.get(i) * within;
        }
        return cf;
    }

    /** The fewest cases in any cell the design uses. */
    private static long smallest(StratumCells s, boolean usesBaseline, boolean usesControl) {
        long n = s.pilotPost().n();
        if (usesBaseline) n = Math.min(n, s.pilotPre().n());
        if (usesControl) n = Math.min(n, s.controlPost().n());
        if (usesBaseline && usesControl) n = Math.min(n, s.controlPre().n());
        return n;
    }

    private static StratumCells empty(String name) {
        return new StratumCells(name, Moments.EMPTY, Moments.EMPTY, Moments.EMPTY, Moments.EMPTY);
    }
}
