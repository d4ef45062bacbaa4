package dk.gevinst.dashboard;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The page templates in src/main/jte/dashboard, generated to Java by jte-maven-plugin at build time, so
 * rendering needs only jte-runtime and no compiler. Html content type: every ${…} is escaped for where it
 * stands (text, attribute, script), so a new field cannot reach a page unescaped.
 */
final class Templates {
    private static final String PACKAGE = "dk.gevinst.dashboard.templates";
    private static final TemplateEngine ENGINE =
        TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

    private Templates() {}

    static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render("dashboard/" + template + ".jte", params, out);
        return out.toString();
    }
}
