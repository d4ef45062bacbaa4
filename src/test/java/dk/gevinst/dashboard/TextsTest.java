package dk.gevinst.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.ingest.Reasons;
import dk.gevinst.source.Source;
import dk.gevinst.text.DeploymentOptions;
import dk.gevinst.text.Language;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * Every code a reader can meet has words in both languages: each quarantine reason code (found by
 * reflection on {@link Reasons}, so a new code without text fails here), each source and each known
 * deployment option. And the two text files hold the same keys.
 */
class TextsTest {
    /** The reason codes Reasons can produce: its constants, and one sample of each column-qualified kind. */
    static List<String> reasonCodes() throws Exception {
        List<String> codes = new ArrayList<>();
        for (Field f : Reasons.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) codes.add((String) f.get(null));
        }
        for (Method m : Reasons.class.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()) && m.getReturnType() == String.class
                && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class) {
                codes.add((String) m.invoke(null, "handling_minutes"));
            }
        }
        return codes;
    }

    @Test
    void everyQuarantineReasonHasDanishAndEnglishWords() throws Exception {
        List<String> codes = reasonCodes();
        assertThat(codes).contains("duplicate", "malformed_row", "missing:handling_minutes", "bad_value:handling_minutes");
        for (Language l : Language.values()) {
            Texts t = new Texts(l);
            for (String code : codes) {
                String words = t.quarantineReason(code);
                assertThat(words).as(l + " " + code).doesNotContain("reason.").isNotEqualTo(code)
                    .doesNotContain(t.format("reason.unknown", code));
                if (code.contains(":")) assertThat(words).as(code).contains("handling_minutes");
            }
        }
        assertThat(new Texts(Language.DA).quarantineReason("something_new")).isEqualTo("Anden årsag (something_new)");
    }

    @Test
    void everySourceAndDeploymentOptionHasDanishAndEnglishWords() {
        Texts da = new Texts(Language.DA), en = new Texts(Language.EN);
        for (Source s : Source.values()) {
            for (String kind : new String[] {"source", "noun"}) {
                assertThat(da.has(kind + "." + s.folder())).as("da " + kind + " " + s.folder()).isTrue();
                assertThat(en.has(kind + "." + s.folder())).as("en " + kind + " " + s.folder()).isTrue();
            }
            assertThat(da.term("source", s.folder())).isNotEqualTo(en.term("source", s.folder()));
        }
        for (String option : DeploymentOptions.KNOWN) {
            assertThat(DeploymentOptions.name(option, Language.DA)).as("da " + option).isNotBlank();
            assertThat(DeploymentOptions.name(option, Language.EN)).as("en " + option).isNotBlank();
        }
        assertThat(da.option("hosted")).isEqualTo("Hostet hos leverandør");
        assertThat(en.option("hosted")).isEqualTo("Hosted by a vendor");
        assertThat(da.option("KMD Nexus")).as("a vendor's own name is kept").isEqualTo("KMD Nexus");
        assertThat(da.option("on_premise")).as("a known option written another way").isEqualTo("Egen drift (on-premise)");
        assertThat(en.option("On-Premise")).isEqualTo("On-premise");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        ResourceBundle da = ResourceBundle.getBundle("dk.gevinst.dashboard.texts", Language.DA.locale());
        ResourceBundle en = ResourceBundle.getBundle("dk.gevinst.dashboard.texts", Language.EN.locale());
        assertThat(da.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
    }

    @Test
    void numbersNeverBreakFromTheirUnitAndCarryOneMinusSign() {
        Texts da = new Texts(Language.DA), en = new Texts(Language.EN);
        assertThat(da.withUnit(da.number(-14.2, 0), "%")).isEqualTo("\u221214\u00a0%");
        assertThat(en.withUnit(en.number(-14.2, 0), "%")).isEqualTo("\u221214%");
        assertThat(da.dkk(-1234567)).isEqualTo("\u22121.234.567\u00a0kr.");
        assertThat(en.dkk(1234567)).isEqualTo("DKK\u00a01,234,567");
        assertThat(da.date("2026-05-04")).isEqualTo("4.\u00a0maj\u00a02026");
        assertThat(da.percent(0.07, 0)).as("rates as percentages").isEqualTo("7\u00a0%");
    }
}
