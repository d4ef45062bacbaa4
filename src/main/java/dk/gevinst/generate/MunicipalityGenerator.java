package dk.gevinst.generate;

import dk.gevinst.source.TextDecoding;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.Path;

/**
 * Writes a synthetic municipality as its systems would export it: monthly case files from three case
 * systems in three dialects (comma UTF-8, semicolon Windows-1252 with decimal commas, JSON lines), survey
 * waves, daily usage, a technical metric and costs, with a few dirty rows of every kind the quarantine knows.
 */
public final class MunicipalityGenerator {
    static final String[] CASE_COLUMNS = {"case_id", "unit", "case_type", "opened_at", "decided_at", "handling_minutes", "caseworker_id",
        "citizen_id", "reopened", "appealed", "appeal_overturned", "updated_at"};
    private static final DateTimeFormatter SPACE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Storage storage;
    private final Path out;
    private final Draws draws;
    private final Draws procurement;
    private final double scale;

    /** @param scale 1.0 is the committed sample; cases scale linearly, people and costs stay the same */
    public MunicipalityGenerator(Storage storage, Path out, long seed, double scale) {
        this.storage = storage;
        this.out = out;
        this.draws = new Draws(seed);
        this.procurement = new Draws(seed + Scenario.PROCUREMENT_SEED);
        this.scale = scale;
    }

    public record Summary(int caseVersions, int surveyRows, int usageRows, int files) {}

    public Summary write() throws IOException {
        List<CaseVersion> cases = new ArrayList<>(new CaseSimulator(draws, scale, Scenario.PILOTS).simulate());
        PeopleSimulator people = new PeopleSimulator(draws, Scenario.PILOTS);
        List<PeopleSimulator.SurveyRow> surveys = new ArrayList<>(people.surveys());
        List<PeopleSimulator.UsageRow> usage = new ArrayList<>(people.usage());
        // The procurement's teams on draws of their own, after the pilots', so the pilots' data stay as they were.
        cases.addAll(new CaseSimulator(procurement, scale, Scenario.PROCUREMENT).simulate());
        PeopleSimulator procurementPeople = new PeopleSimulator(procurement, Scenario.PROCUREMENT);
        surveys.addAll(procurementPeople.surveys());
        usage.addAll(procurementPeople.usage());
        int files = writeCases(cases) + SideSources.writeSurveys(this, surveys) + SideSources.writeUsage(this, usage)
            + SideSources.writeTechMetrics(this, people.queryTimes()) + SideSources.writeCosts(this);
        return new Summary(cases.size(), surveys.size(), usage.size(), files);
    }

    void save(String relative, String text, Charset charset, boolean bom) throws IOException {
        byte[] body = text.getBytes(charset);
        if (bom) {
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            body = withBom;
        }
        storage.writeBytes(new Path(out, relative), body);
    }

    Draws draws() {
        return draws;
    }

    private int writeCases(List<CaseVersion> cases) throws IOException {
        Map<String, List<CaseVersion>> byFile = new TreeMap<>();
        for (CaseVersion v : cases) {
            String month = v.updatedAt().toLocalDate().toString().substring(0, 7);
            byFile.computeIfAbsent(v.system().name().toLowerCase(Locale.ROOT) + "-" + month, k -> new ArrayList<>()).add(v);
        }
        for (var e : byFile.entrySet()) {
            List<CaseVersion> rows = e.getValue();
            rows.sort(java.util.Comparator.comparing(CaseVersion::updatedAt));
            String name = e.getKey();
            switch (rows.get(0).system()) {
                case YDELSE -> save("cases/" + name + ".csv", ydelseCsv(rows, name.endsWith("-03")), StandardCharsets.UTF_8, name.endsWith("-07"));
                case JOBCENTER -> save("cases/" + name + ".csv", jobcenterCsv(rows, name.endsWith("-06")), TextDecoding.WINDOWS_1252, false);
                case BORGERSERVICE -> save("cases/" + name + ".jsonl", CaseJsonLines.render(rows, name.endsWith("-09")), StandardCharsets.UTF_8, false);
            }
        }
        return byFile.size();
    }

    private String ydelseCsv(List<CaseVersion> rows, boolean dirty) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            List<String> header = new ArrayList<>(List.of(CASE_COLUMNS));
            header.add("note");
            p.printRecord(header);
            int i = 0;
            for (CaseVersion v : rows) {
                List<String> r = ydelseRecord(v);
                p.printRecord(r);
                if (dirty && ++i == 25) DirtyRows.ydelse(p, r, draws);
            }
        }
        return w.toString();
    }

    static List<String> ydelseRecord(CaseVersion v) {
        return new ArrayList<>(List.of(v.caseId(), v.unit(), v.caseType(), iso(v.openedAt()), iso(v.decidedAt()),
            v.handlingMinutes() == null ? "" : String.valueOf(v.handlingMinutes()), v.caseworker(), v.citizen(),
            String.valueOf(v.reopened()), String.valueOf(v.appealed()), String.valueOf(v.overturned()), iso(v.updatedAt()),
            v.note() == null ? "" : v.note()));
    }

    private String jobcenterCsv(List<CaseVersion> rows, boolean dirty) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get())) {
            p.printRecord((Object[]) CASE_COLUMNS);
            int i = 0;
            for (CaseVersion v : rows) {
                List<String> r = new ArrayList<>(List.of(v.caseId(), v.unit(), v.caseType(), spaced(v.openedAt()), spaced(v.decidedAt()),
                    v.handlingMinutes() == null ? "" : String.valueOf(v.handlingMinutes()).replace('.', ','), v.caseworker(), v.citizen(),
                    v.reopened() ? "ja" : "nej", v.appealed() ? "ja" : "nej", v.overturned() ? "ja" : "nej", spaced(v.updatedAt())));
                p.printRecord(r);
                if (dirty && ++i == 40) DirtyRows.jobcenter(p, r);
            }
        }
        return w.toString();
    }

    static String iso(LocalDateTime t) {
        return t == null ? "" : t.toString();
    }

    static String spaced(LocalDateTime t) {
        return t == null ? "" : SPACE_TIME.format(t);
    }

    static String day(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

}
