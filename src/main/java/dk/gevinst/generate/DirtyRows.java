package dk.gevinst.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * The dirty rows real exports contain, one or a few of each kind the quarantine names, so a sample run
 * shows every reason. Each starts from a real row, so only the flaw differs.
 */
final class DirtyRows {
    private DirtyRows() {}

    static void ydelse(CSVPrinter p, List<String> good, Draws draws) throws IOException {
        p.printRecord(with(good, 0, "YD-DIRTY-1", 1, ""));                                    // missing:unit
        p.printRecord(with(good, 0, "YD-DIRTY-2", 3, "2026-13-45"));                          // bad_value:opened_at
        p.printRecord(with(with(good, 0, "YD-DIRTY-3", 3, "2026-03-10T10:00"), 4, "2026-03-02T09:00")); // decided_before_opened
        p.printRecord(with(good, 0, "YD-DIRTY-4", 5, "-12"));                                 // negative:handling_minutes
        p.printRecord(with(good, 0, "YD-DIRTY-5", 5, "20160"));                               // implausible:handling_minutes
        p.printRecord(good);                                                                  // duplicate
        p.printRecord(with(good, 0, "YD-DIRTY-6", 8, "måske"));                              // bad_value:reopened
        p.printRecord(good.subList(0, 6));                                                    // malformed_row
        for (int i = 0; i < 3; i++) {                                                         // CPR in free text: masked, row kept
            p.printRecord(with(with(good, 0, "YD-NOTE-" + (i + 1), 12, "Borger med cpr " + draws.cpr() + " har ringet"), 11, good.get(11)));
        }
    }

    static void jobcenter(CSVPrinter p, List<String> good) throws IOException {
        p.printRecord(with(good, 0, "JC-DIRTY-1", 5, "ca. 30"));                              // bad_value:handling_minutes
        p.printRecord(with(good, 0, ""));                                                     // missing:case_id
    }

    static List<String> with(List<String> row, Object... indexValue) {
        List<String> copy = new ArrayList<>(row);
        for (int i = 0; i < indexValue.length; i += 2) copy.set((Integer) indexValue[i], (String) indexValue[i + 1]);
        return copy;
    }
}
