package dk.gevinst.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.exchange.ReusedExchangeExec;
import org.apache.spark.sql.execution.exchange.ShuffleExchangeLike;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Walks a physical plan through what adaptive execution wraps around it (the adaptive root, query stages,
 * reused exchanges), so a test sees the same operators before and after AQE re-plans a query.
 */
final class PhysicalPlans {
    private PhysicalPlans() {}

    /** The plan's children, looking through AQE's wrappers. */
    static List<SparkPlan> children(SparkPlan plan) {
        if (plan instanceof AdaptiveSparkPlanExec a) return List.of(a.executedPlan());
        if (plan instanceof QueryStageExec s) return List.of(s.plan());
        if (plan instanceof ReusedExchangeExec r) return List.of(r.child());
        return new ArrayList<>(CollectionConverters.asJava(plan.children()));
    }

    /** Every operator, each with the number of shuffle exchanges above it on its path to the root. */
    static void visit(SparkPlan plan, BiConsumer<SparkPlan, Integer> visitor) {
        visit(plan, 0, visitor);
    }

    private static void visit(SparkPlan plan, int shufflesAbove, BiConsumer<SparkPlan, Integer> visitor) {
        visitor.accept(plan, shufflesAbove);
        int below = shufflesAbove + (plan instanceof ShuffleExchangeLike ? 1 : 0);
        for (SparkPlan child : children(plan)) visit(child, below, visitor);
    }

    static List<SparkPlan> all(SparkPlan plan) {
        List<SparkPlan> out = new ArrayList<>();
        visit(plan, (p, n) -> out.add(p));
        return out;
    }

    /** An operator's name without Spark's expression ids, e.g. "Exchange hashpartitioning(pilot_id, ...)". */
    static String describe(SparkPlan plan) {
        return plan.simpleString(200).replaceAll("#\\d+L?", "");
    }
}
