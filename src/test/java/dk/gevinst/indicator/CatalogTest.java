package dk.gevinst.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.gevinst.cells.MeasureKeys;
import dk.gevinst.config.InvalidSpecException;
import org.junit.jupiter.api.Test;

class CatalogTest {
    @Test
    void theAppealOverturnRateIsAShareOfAppealedCasesAndSaysSo() {
        IndicatorDefinition d = Catalog.builtIn().find("appeal_overturn_rate").orElseThrow();
        assertThat(d.measure()).isEqualTo(new Measure(Measure.Kind.FLAG, "appeal_overturned", "appealed"));
        assertThat(d.label("da")).isEqualTo("Omgørelsesprocent i klagesager");
        assertThat(d.label("en")).isEqualTo("Overturn rate in appealed cases");
        assertThat(MeasureKeys.of(d.measure())).isNotEqualTo(MeasureKeys.of(new Measure(Measure.Kind.FLAG, "appeal_overturned")));
    }

    @Test
    void amongMustNameABooleanCasesColumnOfACasesIndicator() {
        assertThatThrownBy(() -> Catalog.parse("catalog.yaml", """
            overturned:
              source: cases
              measure: flag
              argument: appeal_overturned
              among: handling_minutes
              direction: lower_is_better
            sus_among:
              source: survey_responses
              measure: sus
              among: appealed
              direction: higher_is_better
            """)).isInstanceOf(InvalidSpecException.class)
            .hasMessageContaining("catalog.yaml:5:10: catalog entry 'overturned' has among: 'handling_minutes'; among selects cases, "
                + "so use a cases indicator and a boolean cases column (reopened, appealed, appeal_overturned)")
            .hasMessageContaining("catalog.yaml:10:10: catalog entry 'sus_among' has among: 'appealed'");
    }
}
