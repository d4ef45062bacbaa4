package dk.gevinst.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.source.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run's log and manifest list sources in one order every run: the contract's, whatever order they were ingested in. */
class IngestResultTest {
    @Test
    void countsKeepTheSourcesInContractOrder() {
        Map<Source, SourceCounts> counts = new HashMap<>();
        List<Source> reversed = new java.util.ArrayList<>(List.of(Source.values()));
        java.util.Collections.reverse(reversed);
        for (Source s : reversed) counts.put(s, SourceCounts.of(List.of()));
        IngestResult r = new IngestResult(counts, List.of(), List.of(), List.of(), Map.of("cases.b", 1L, "cases.a", 2L), List.of(), List.of(), List.of());
        assertThat(r.counts().keySet()).containsExactly(Source.values());
        assertThat(r.cprMasked().keySet()).containsExactly("cases.a", "cases.b");
    }
}
