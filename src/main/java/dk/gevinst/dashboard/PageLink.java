package dk.gevinst.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links between pages, built for the URL context: the pilot id is percent-encoded as one path segment and
 * the link is explicitly relative ("./"), so no id can become a scheme such as javascript: or leave the
 * folder. jte then escapes the result once more for the attribute.
 */
public final class PageLink {
    private PageLink() {}

    public static String pilot(String pilotId) {
        return "./" + URLEncoder.encode(pilotId, StandardCharsets.UTF_8).replace("+", "%20") + ".html";
    }
}
