package dk.gevinst.decision;

import java.util.List;

/** The outcome, every reason for it (the first is the main one), and the further weeks an EXTEND asks for. */
public record Decision(Outcome outcome, List<Reason> reasons, Integer extendWeeks) {
    public Decision {
        reasons = List.copyOf(reasons);
    }

    public Reason mainReason() {
        return reasons.get(0);
    }
}
