package dk.gevinst.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.config.PilotIndicator;
import dk.gevinst.config.PilotSpec;
import dk.gevinst.config.PilotSpecParser;
import dk.gevinst.testing.Repo;
import java.nio.file.Files;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every number a page publishes has its unit: technical metrics take theirs from the catalog (issue 10: "37,2 → 2,12" had none). */
class CatalogUnitsTest {
    @Test
    void theDataLakesQueryTimeIsInSecondsFromTheCatalogWithTheSpecsDirection() throws Exception {
        PilotSpec spec = new PilotSpecParser(Catalog.builtIn()).parse("datalake.yaml", Files.readString(Repo.root().resolve("jobs/pilots/datalake.yaml")));
        PilotIndicator q = spec.indicators().stream().filter(i -> i.id().equals("query_seconds")).findFirst().orElseThrow();
        assertThat(q.definition().unit()).isEqualTo("seconds");
        assertThat(q.definition().measure()).isEqualTo(new Measure(Measure.Kind.TECH_METRIC, "query_seconds", null));
        assertThat(q.definition().label("da")).isEqualTo("Svartid for analyseforespørgsler");
    }

    @Test
    void aSpecMayNameACatalogIndicatorInItsOwnWordsButNotChangeItsUnit() throws Exception {
        PilotSpec spec = new PilotSpecParser(Catalog.builtIn()).parse("x.yaml", """
            id: x
            title: "X"
            start: 2026-03-02
            end: 2026-06-30
            baseline_start: 2026-01-05
            arms: {pilot: [A]}
            indicators:
              handling_time: {role: success, mde: "10%"}
              query_seconds: {role: technical, label_da: "Svartid (BI)"}
            """);
        IndicatorDefinition q = spec.indicators().get(1).definition();
        assertThat(q.label("da")).isEqualTo("Svartid (BI)");
        assertThat(q.label("en")).isEqualTo("Analytical query time");
        assertThat(q.unit()).isEqualTo("seconds");
        assertThat(q.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
    }

    @Test
    void everyCatalogUnitHasAWordOnThePagesAndInExplainInBothLanguages() throws Exception {
        for (String bundle : new String[] {"dashboard", "cli/explain"}) {
            for (String lang : new String[] {"da", "en"}) {
                Properties p = new Properties();
                try (var in = new java.io.InputStreamReader(CatalogUnitsTest.class.getResourceAsStream("/dk/gevinst/" + bundle + "/texts_" + lang + ".properties"),
                        java.nio.charset.StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                for (String id : Catalog.builtIn().ids()) {
                    String unit = Catalog.builtIn().find(id).orElseThrow().unit();
                    assertThat(p.getProperty("unit." + unit)).as(bundle + " " + lang + " unit of " + id).isNotBlank();
                }
            }
        }
    }
}
