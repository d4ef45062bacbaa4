package dk.gevinst.generate;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the sources beside the cases: surveys, usage, the technical metric and costs. */
final class SideSources {
    private SideSources() {}

    static int writeSurveys(MunicipalityGenerator g, List<PeopleSimulator.SurveyRow> rows) throws IOException {
        Map<String, List<PeopleSimulator.SurveyRow>> byWave = new TreeMap<>();
        for (var r : rows) byWave.computeIfAbsent(r.answeredAt().toLocalDate().toString().substring(0, 7), k -> new ArrayList<>()).add(r);
        int wave = 0;
        for (var e : byWave.entrySet()) {
            boolean dirty = wave++ == 1;
            StringWriter w = new StringWriter();
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n").get())) {
                p.printRecord("response_id", "respondent_id", "unit", "answered_at", "instrument", "item", "score", "candidate");
                int dropped = 0;
                for (var r : e.getValue()) {
                    // Two responses lose their last SUS item (incomplete_response), one item gets a 7 (implausible:score).
                    if (dirty && r.instrument().equals("sus") && r.item() == 10 && dropped < 2 && r.responseId().contains("-ydv-")) {
                        dropped++;
                        continue;
                    }
                    int score = dirty && r.responseId().endsWith("-jcv-03") && r.instrument().equals("core_task") && r.item() == 2 ? 7 : r.score();
                    // One preference answer names a candidate the comparison does not have (unknown_candidate:candidate).
                    String candidate = r.candidate() == null ? "" : dirty && r.responseId().endsWith("-jcn-02") ? "sagslett" : r.candidate();
                    p.printRecord(r.responseId(), r.respondent(), r.unit(), MunicipalityGenerator.iso(r.answeredAt()), r.instrument(), r.item(), score,
                        candidate);
                }
            }
            g.save("survey_responses/survey-" + e.getKey() + ".csv", w.toString(), StandardCharsets.UTF_8, true);
        }
        return byWave.size();
    }

    static int writeUsage(MunicipalityGenerator g, List<PeopleSimulator.UsageRow> rows) throws IOException {
        Map<String, List<PeopleSimulator.UsageRow>> byMonth = new TreeMap<>();
        for (var r : rows) byMonth.computeIfAbsent(r.day().toString().substring(0, 7), k -> new ArrayList<>()).add(r);
        boolean first = true;
        for (var e : byMonth.entrySet()) {
            StringWriter w = new StringWriter();
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                p.printRecord("user_id", "unit", "day", "active_minutes");
                for (var r : e.getValue()) p.printRecord(r.user(), r.unit(), r.day(), (long) r.activeMinutes());
                if (first) p.printRecord("kw-ydn-01", "Ydelse Nord", e.getValue().get(0).day().plusDays(1), -15); // negative:active_minutes
            }
            first = false;
            g.save("usage/usage-" + e.getKey() + ".csv", w.toString(), StandardCharsets.UTF_8, false);
        }
        return byMonth.size();
    }

    static int writeTechMetrics(MunicipalityGenerator g, List<double[]> queryTimes) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord("pilot_id", "day", "metric", "value");
            for (double[] q : queryTimes) p.printRecord(Scenario.DATALAKE, MunicipalityGenerator.day((long) q[0]), "query_seconds", q[1]);
            p.printRecord(Scenario.DATALAKE, "2026-06-31", "query_seconds", "n/a"); // bad_value:day
        }
        g.save("tech_metrics/datalake-query-times.csv", w.toString(), StandardCharsets.UTF_8, false);
        return 1;
    }

    static int writeCosts(MunicipalityGenerator g) throws IOException {
        String csv = """
            pilot_id,option,category,kind,amount_dkk
            sagsoverblik,hosted,licens,yearly,120000
            sagsoverblik,hosted,implementering,one_off,350000
            sagsoverblik,cloud,licens og platform,yearly,185000
            sagsoverblik,cloud,implementering,one_off,250000
            sagsoverblik,on-premise,drift,yearly,95000
            sagsoverblik,on-premise,hardware og implementering,one_off,900000
            datalake,cloud,platform,yearly,650000
            datalake,cloud,implementering,one_off,1400000
            datalake,on-premise,platform,yearly,420000
            datalake,on-premise,hardware og implementering,one_off,2600000
            chatbot,cloud,licens,yearly,85000
            chatbot,cloud,implementering,one_off,140000
            """;
        g.save("costs/costs.csv", csv, StandardCharsets.UTF_8, false);
        return 1;
    }
}
