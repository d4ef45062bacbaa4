package dk.gevinst.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The steering group's nightly digest, for people who never open the dashboard: what changed tonight,
 * what needs a decision this month, and every health failure. Built from the published documents only,
 * as Markdown (digest.md) and as plain text a scheduler can mail (digest.txt).
 *
 * <p>"Needs a decision this month": a GO or STOP reached within the last 31 days (the group acts on it),
 * an EXTEND whose end date is at most 31 days away (the group approves the extension), and a pilot that
 * could not be assessed (someone must fix it).
 */
public final class Digest {
    static final int MONTH_DAYS = 31;

    /** A line: a text key (our own words, safe in both formats) and its data-borne arguments, escaped per format when rendered. */
    record Line(String key, List<String> args) {}

    private final Texts t;
    private final String title;
    private final String counts;
    private final List<Line> changed = new ArrayList<>(), due = new ArrayList<>(), health = new ArrayList<>();

    /** Where the dashboard is, as a reader of a mail can open it; null for the page beside the digest. */
    private final String where;

    private Digest(Texts t, String title, String counts, String where) {
        this.t = t;
        this.title = title;
        this.counts = counts;
        this.where = where;
    }

    public static Digest of(Texts t, List<JsonNode> docs) {
        return of(t, docs, null);
    }

    /** @param where the dashboard's index page as people reach it (a stranger's mailed digest ended "Dashboardet: index.html"), or null */
    public static Digest of(Texts t, List<JsonNode> docs, String where) {
        String asOf = docs.stream().map(d -> d.path("as_of").asText()).max(String::compareTo).orElse("");
        List<String> counts = new ArrayList<>();
        for (String d : List.of("GO", "EXTEND", "STOP", "ERROR")) {
            long n = docs.stream().filter(doc -> Docs.decision(doc).equals(d)).count();
            if (n > 0 || !"ERROR".equals(d)) counts.add(t.get("decision." + d) + " " + n);
        }
        Digest digest = new Digest(t, t.format("digest.title", t.date(asOf)), t.format("digest.counts", String.join(", ", counts)), where);
        for (JsonNode d : docs) digest.add(d);
        return digest;
    }

    private void add(JsonNode d) {
        String title = Docs.title(d), decision = t.get("decision." + Docs.decision(d)), reason = Docs.mainReason(t, d);
        String before = Docs.previousDecision(d);
        if (before == null) changed.add(new Line("digest.changed.new", List.of(title, decision)));
        // A changed decision says why, here too: a GO that turns EXTEND is news the steering group must be able to read.
        else if (!before.equals(Docs.decision(d))) changed.add(new Line("digest.changed.item", List.of(title, decision, t.get("decision." + before), reason)));
        int held = Docs.heldDays(d);
        LocalDate asOf = Docs.asOf(d), end = Docs.date(d, "end");
        switch (Docs.decision(d)) {
            case "ERROR" -> due.add(new Line("digest.due.error", List.of(title, reason)));
            case "GO", "STOP" -> {
                if (held <= MONTH_DAYS) due.add(new Line("GO".equals(Docs.decision(d)) ? "digest.due.go" : "digest.due.stop", List.of(title, reason)));
            }
            default -> {
                if (Docs.extensionCannotSettle(d) && end != null && asOf != null && end.isAfter(asOf.plusDays(MONTH_DAYS))) {
                    // Far from its end, but more data will not decide it: the steering group can act now rather than wait.
                    due.add(new Line("digest.due.open.early", List.of(title, t.date(end), reason)));
                } else if (end != null && asOf != null && !end.isAfter(asOf.plusDays(MONTH_DAYS))) {
                    // Without a week estimate (not decidable in time, a pre-trend) there is no extension to approve, only a choice to make.
                    // After the end the extension is running: nothing to approve, and the end date is no longer near.
                    String past = end.isBefore(asOf) ? ".past" : "";
                    due.add(d.path("extend_weeks").isInt()
                        ? new Line("digest.due.extend" + past + (d.path("extend_weeks").asInt() == 1 ? ".one" : ""),
                            List.of(title, t.date(end), d.path("extend_weeks").asText(), reason))
                        : new Line("digest.due.open" + past, List.of(title, t.date(end), reason)));
                }
            }
        }
        for (HealthItem h : HealthItem.of(t, d)) health.add(new Line("digest.health.item", List.of(title, h.severityText() + ": " + h.text())));
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# ").append(title).append("\n\n").append(counts).append("\n");
        section(b, "## " + t.get("digest.changed"), changed, "digest.changed.none", "- ", true);
        section(b, "## " + t.get("digest.due"), due, "digest.due.none", "- ", true);
        section(b, "## " + t.get("digest.health"), health, "digest.health.none", "- ", true);
        return b.append('\n').append(t.format("digest.link", where == null ? "[index.html](index.html)" : "[" + where + "](" + where + ")")).append('\n').toString();
    }

    public String plainText() {
        StringBuilder b = new StringBuilder(title).append('\n').append("=".repeat(title.length())).append("\n\n").append(counts).append('\n');
        section(b, underlined(t.get("digest.changed")), changed, "digest.changed.none", "* ", false);
        section(b, underlined(t.get("digest.due")), due, "digest.due.none", "* ", false);
        section(b, underlined(t.get("digest.health")), health, "digest.health.none", "* ", false);
        return b.append('\n').append(t.format("digest.link", where == null ? "index.html" : where)).append('\n').toString();
    }

    /** Every line's text starts with its first argument (the pilot), so only that one can start Markdown block syntax. */
    private void section(StringBuilder b, String heading, List<Line> lines, String none, String bullet, boolean markdown) {
        b.append('\n').append(heading).append("\n\n");
        if (lines.isEmpty()) b.append(t.get(none)).append('\n');
        for (Line l : lines) {
            Object[] args = new Object[l.args().size()];
            for (int i = 0; i < args.length; i++) {
                String a = l.args().get(i).replace('\n', ' ');
                args[i] = !markdown ? a : i == 0 ? markdownLineStart(a) : markdownText(a);
            }
            b.append(bullet).append(t.format(l.key(), args)).append('\n');
        }
    }

    private static String underlined(String heading) {
        return heading + "\n" + "-".repeat(heading.length());
    }

    /** The characters that start Markdown syntax inside a line (emphasis, code, links, HTML, entities, tables). */
    private static final String MARKDOWN_INLINE = "\\`*_[]<>#|~&!";

    /**
     * Data-borne text that Markdown shows as written. CommonMark lets any ASCII punctuation be
     * backslash-escaped; the ones that start syntax inside a line are, so a title such as
     * "*Pilot* <script>" cannot become emphasis or HTML. Other punctuation (. , : ( )) stays as it is, so
     * the raw file still reads well.
     */
    static String markdownText(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (MARKDOWN_INLINE.indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

    /** The same, for text that starts a line: a leading "-", "+" or "1." would start a nested list. */
    static String markdownLineStart(String s) {
        String inline = markdownText(s);
        if (!inline.isEmpty() && "-+=".indexOf(inline.charAt(0)) >= 0) return "\\" + inline;
        int digits = 0;
        while (digits < inline.length() && Character.isDigit(inline.charAt(digits))) digits++;
        if (digits > 0 && digits < inline.length() && ".)".indexOf(inline.charAt(digits)) >= 0) {
            return inline.substring(0, digits) + "\\" + inline.substring(digits);
        }
        return inline;
    }
}
