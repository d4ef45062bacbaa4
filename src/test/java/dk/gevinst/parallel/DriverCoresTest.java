package dk.gevinst.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DriverCoresTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 500).boxed().toList();

    @Test
    void resultsComeBackInTheItemsOrderAndEveryItemIsDoneOnce() throws IOException {
        var done = ConcurrentHashMap.<Integer>newKeySet();
        List<String> out = DriverCores.map(ITEMS, i -> {
            assertThat(done.add(i)).isTrue();
            return "f" + i;
        });

        assertThat(out).containsExactlyElementsOf(ITEMS.stream().map(i -> "f" + i).toList());
        assertThat(done).hasSize(500);
        assertThat(DriverCores.map(List.<Integer>of(), i -> i)).isEmpty();
    }

    @Test
    void everyItemFinishesAndTheFirstFailureInTheItemsOrderIsThrownAsItWasThrown() {
        AtomicInteger finished = new AtomicInteger();
        // Item 40 fails late, item 300 at once: the night must name item 40 every time, after all others are done.
        assertThatThrownBy(() -> DriverCores.forEach(ITEMS, i -> {
            if (i == 40) {
                sleep(300);
                throw new FileNotFoundException("decisions/p40.json");
            }
            if (i == 300) throw new IOException("decisions/p300.json");
            sleep(1);
            finished.incrementAndGet();
        })).isExactlyInstanceOf(FileNotFoundException.class).hasMessage("decisions/p40.json");
        assertThat(finished.get()).isEqualTo(498);

        assertThatThrownBy(() -> DriverCores.map(ITEMS, i -> {
            if (i == 7) throw new IllegalStateException("pilot p7: no cells");
            return i;
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("pilot p7: no cells");
        assertThatThrownBy(() -> DriverCores.map(ITEMS, i -> {
            if (i == 9) throw new StackOverflowError("deep");
            return i;
        })).isExactlyInstanceOf(StackOverflowError.class).hasMessage("deep");
    }

    @Test
    void theWorkRunsWithTheCallersClassLoaderAsUnderSparkSubmit() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader ours = new URLClassLoader(new URL[0], before)) {
            Thread.currentThread().setContextClassLoader(ours);
            assertThat(DriverCores.map(ITEMS, i -> Thread.currentThread().getContextClassLoader())).containsOnly(ours);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
