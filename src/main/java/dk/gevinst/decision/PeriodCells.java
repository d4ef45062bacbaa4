package dk.gevinst.decision;

import dk.gevinst.cells.Arm;
import dk.gevinst.cells.CellStats;
import dk.gevinst.cells.CellTable;
import dk.gevinst.cells.Period;
import dk.gevinst.stats.Contrast;
import dk.gevinst.stats.Contrast.Term;
import dk.gevinst.stats.Moments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The four period cells of one indicator, and the design and contrast they support. */
public record PeriodCells(Moments pilotPre, Moments pilotPost, Moments controlPre, Moments controlPost) {
    public static PeriodCells of(List<CellStats> days, LocalDate lastDay) {
        return new PeriodCells(CellTable.total(days, Arm.PILOT, Period.PRE, lastDay), CellTable.total(days, Arm.PILOT, Period.POST, lastDay),
            CellTable.total(days, Arm.CONTROL, Period.PRE, lastDay), CellTable.total(days, Arm.CONTROL, Period.POST, lastDay));
    }

    /** did when both arms and both periods have data, parallel without a pre-period, prepost without a control. */
    public Design design(boolean specHasBaseline, boolean specHasControl) {
        boolean pre = specHasBaseline && pilotPre.n() > 0;
        boolean control = specHasControl && controlPost.n() > 0;
        if (pilotPost.n() == 0) return Design.NONE;
        if (pre && control && controlPre.n() > 0) return Design.DID;
        if (control) return Design.PARALLEL;
        if (pre) return Design.PREPOST;
        return Design.NONE;
    }

    public Contrast contrast(Design design) {
        return switch (design) {
            case DID -> Contrast.of(new Term(1, pilotPost), new Term(-1, pilotPre), new Term(-1, controlPost), new Term(1, controlPre));
            case PARALLEL -> Contrast.of(new Term(1, pilotPost), new Term(-1, controlPost));
            case PREPOST -> Contrast.of(new Term(1, pilotPost), new Term(-1, pilotPre));
            case NONE -> throw new IllegalArgumentException("no contrast without a design");
        };
    }

    /** The mean the pilot arm would have had without the change. */
    public double counterfactual(Design design) {
        return switch (design) {
            case DID -> pilotPre.mean() + controlPost.mean() - controlPre.mean();
            case PARALLEL -> controlPost.mean();
            case PREPOST -> pilotPre.mean();
            case NONE -> Double.NaN;
        };
    }

    /** The cells a design uses, for the minimum-count rule. */
    public List<Moments> used(Design design) {
        List<Moments> out = new ArrayList<>();
        switch (design) {
            case DID -> out.addAll(List.of(pilotPre, pilotPost, controlPre, controlPost));
            case PARALLEL -> out.addAll(List.of(pilotPost, controlPost));
            case PREPOST -> out.addAll(List.of(pilotPre, pilotPost));
            case NONE -> out.add(pilotPost);
        }
        return out;
    }
}
