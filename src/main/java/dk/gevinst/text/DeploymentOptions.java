package dk.gevinst.text;

import java.util.List;
import java.util.Map;

/**
 * The deployment options the contract names (docs/contract.md: costs' {@code option}) and the spec's
 * default, with the words a reader sees for them in each language. Options are free text, so a vendor's
 * name that is not listed here is shown as it is written.
 */
public final class DeploymentOptions {
    /** Every option code that has words; a test checks that each has a Danish and an English name. */
    /** The deployment of a spec that names none: the system as it runs today. */
    public static final String DEFAULT = "current";
    public static final List<String> KNOWN = List.of("on-premise", "hosted", "cloud", DEFAULT);

    private static final Map<String, String> DA = Map.of("on-premise", "egen drift (on-premise)", "hosted", "hostet hos leverandør",
        "cloud", "cloud", "current", "nuværende drift");
    private static final Map<String, String> EN = Map.of("on-premise", "on-premise", "hosted", "hosted by a vendor",
        "cloud", "cloud", "current", "current setup");

    private DeploymentOptions() {}

    /**
     * The option in the reader's words, lower case (it sits inside sentences); a known option written another way
     * ({@code on_premise}, {@code On-Premise}, {@code onpremise}: a stranger's page read "On_premise") as that option;
     * an unknown option as written.
     */
    public static String name(String code, Language language) {
        Map<String, String> words = language == Language.DA ? DA : EN;
        if (words.containsKey(code)) return words.get(code);
        String loose = loose(code);
        for (String known : KNOWN) if (loose(known).equals(loose)) return words.get(known);
        return code;
    }

    /**
     * Whether a pilot's deployment is a choice worth naming: the spec names another form than the default, or a business
     * case weighs the forms by their costs. Otherwise the default is no choice anybody made (a stranger's new tool read
     * 'Valgt driftsform: Nuværende drift').
     */
    public static boolean chosen(String deployment, boolean hasBusinessCase) {
        return hasBusinessCase || !DEFAULT.equals(deployment);
    }

    private static String loose(String code) {
        return code == null ? "" : code.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_\\s]", "");
    }
}
