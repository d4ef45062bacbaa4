package dk.gevinst.business;

import dk.gevinst.config.BusinessCaseSpec;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.decision.IndicatorResult;
import dk.gevinst.indicator.Role;
import dk.gevinst.ingest.CostKind;
import dk.gevinst.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Net present value per deployment option, after Statens business case-model: the yearly benefit of the
 * measured core-task effect (time saved, valued at the hourly cost; other indicators at their value_dkk)
 * minus yearly costs, discounted over the horizon, minus one-off costs. The low and high values use the
 * bounds of the one interval the reasons print (the relative one, times the level without the pilot, where
 * the change is read relatively), from the same analysis as the verdict. The deployment form enters only
 * through its cost.
 */
public final class BusinessCase {
    public static final String HANDLING_TIME = "handling_time";

    private BusinessCase() {}

    public static BusinessCaseResult evaluate(PilotSpec spec, List<IndicatorResult> results, List<CostLine> costs) {
        BusinessCaseSpec b = spec.businessCase();
        double[] benefit = new double[3];
        double[] hours = new double[3];
        for (IndicatorResult r : results) {
            if (r.indicator().role() != Role.SUCCESS || Double.isNaN(r.effect())) continue;
            Interval good = r.goodSideRead();
            double[] effects = {good == null ? r.goodEffect() : good.low(), r.goodEffect(), good == null ? r.goodEffect() : good.high()};
            for (int i = 0; i < 3; i++) {
                if (r.id().equals(HANDLING_TIME)) {
                    double h = effects[i] * b.annualCases() / 60.0;
                    hours[i] += h;
                    benefit[i] += h * b.hourlyCostDkk();
                } else if (r.indicator().valueDkk() != null) {
                    benefit[i] += effects[i] * r.indicator().valueDkk() * b.annualCases();
                }
            }
        }
        Map<String, double[]> byOption = new LinkedHashMap<>();
        for (CostLine c : costs) {
            if (!c.pilotId().equals(spec.id())) continue;
            double[] oy = byOption.computeIfAbsent(c.option(), k -> new double[2]);
            if (CostKind.ONE_OFF.equals(c.kind())) oy[0] += c.amountDkk();
            else oy[1] += c.amountDkk();
        }
        boolean costsKnown = !byOption.isEmpty();
        if (!costsKnown) byOption.put(spec.deployment(), new double[2]);
        List<OptionValue> options = new ArrayList<>();
        for (var e : byOption.entrySet()) options.add(option(e.getKey(), e.getValue()[0], e.getValue()[1], benefit, b));
        options.sort(java.util.Comparator.comparing(OptionValue::npvDkk).reversed().thenComparing(OptionValue::option));
        return new BusinessCaseResult(options, options.get(0).option(), hours[1], hours[0], hours[2], benefit[1], costsKnown);
    }

    private static OptionValue option(String name, double oneOff, double yearly, double[] benefit, BusinessCaseSpec b) {
        List<List<Double>> curves = new ArrayList<>();
        for (double yearlyBenefit : benefit) curves.add(cumulative(oneOff, yearlyBenefit - yearly, b.discountRate(), b.horizonYears()));
        int h = b.horizonYears();
        return new OptionValue(name, oneOff, yearly, curves.get(1).get(h), curves.get(0).get(h), curves.get(2).get(h),
            payback(curves.get(1), oneOff, b.discountRate()), curves.get(0), curves.get(1), curves.get(2));
    }

    /** Cumulative discounted net value at the end of years 0..H: −one-off, then Σ net/(1+r)^t. */
    static List<Double> cumulative(double oneOff, double netPerYear, double rate, int horizon) {
        List<Double> out = new ArrayList<>();
        double total = -oneOff;
        out.add(total);
        for (int t = 1; t <= horizon; t++) {
            total += netPerYear / Math.pow(1 + rate, t);
            out.add(total);
        }
        return out;
    }

    /** Years until the cumulative value reaches zero, interpolated within the year; null if never within H. */
    static Double payback(List<Double> cumulative, double oneOff, double rate) {
        if (cumulative.get(0) >= 0) return 0.0;
        for (int t = 1; t < cumulative.size(); t++) {
            if (cumulative.get(t) >= 0) {
                double before = cumulative.get(t - 1);
                double gain = cumulative.get(t) - before;
                return t - 1 + (-before) / gain;
            }
        }
        return null;
    }
}
