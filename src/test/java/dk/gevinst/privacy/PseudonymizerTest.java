package dk.gevinst.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
    /**
     * The ingest names several sources' files at once with one pseudonymizer on the driver. A shared Mac
     * used by two threads mixes their input and fails or gives another name (it did: an arraycopy out of bounds).
     */
    @Test
    void threadsSharingOnePseudonymizerGetTheNamesOneThreadGets() throws Exception {
        Pseudonymizer shared = Pseudonymizer.demo();
        Pseudonymizer alone = Pseudonymizer.demo();
        int threads = 4, each = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> names = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<String>> work = () -> {
                    List<String> out = new ArrayList<>(each);
                    for (int i = 0; i < each; i++) {
                        String raw = "person-" + thread + "-" + i + "-" + "x".repeat(i % 90);
                        out.add(i % 2 == 0 ? shared.pseudonym(raw) : shared.fileReference(raw));
                    }
                    return out;
                };
                names.add(pool.submit(work));
            }
            for (int t = 0; t < threads; t++) {
                List<String> got = names.get(t).get();
                for (int i = 0; i < each; i++) {
                    String raw = "person-" + t + "-" + i + "-" + "x".repeat(i % 90);
                    assertThat(got.get(i)).isEqualTo(i % 2 == 0 ? alone.pseudonym(raw) : alone.fileReference(raw));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPersonAndAFileOfTheSameTextNeverShareAName() {
        Pseudonymizer p = Pseudonymizer.demo();
        assertThat(p.pseudonym("cases/a.csv")).startsWith("p_").hasSize(34);
        assertThat(p.fileReference("cases/a.csv")).startsWith("f_").hasSize(34);
        assertThat(p.pseudonym("cases/a.csv").substring(2)).isNotEqualTo(p.fileReference("cases/a.csv").substring(2));
        assertThat(p.pseudonym("  ")).isNull();
        assertThat(p.pseudonym(" 12 ")).isEqualTo(p.pseudonym("12"));
    }
}
