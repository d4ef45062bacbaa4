package dk.gevinst.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        assertThat(DriverCores.map(List.of(7), i -> i * 6)).containsExactly(42);
    }

    @Test
    void everyItemFinishesAndTheFirstFailureInTheItemsOrderIsThrownWithTheLaterOnesInIt() {
        CountDownLatch laterFailed = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        // Item 300 fails first in time (item 40 waits for it), yet the night must name item 40, after all others are done.
        assertThatThrownBy(() -> DriverCores.map(ITEMS, 2, "test", i -> {
            if (i == 40) {
                assertThat(laterFailed.await(30, TimeUnit.SECONDS)).isTrue();
                throw new FileNotFoundException("decisions/p40.json");
            }
            if (i == 300) {
                laterFailed.countDown();
                throw new IOException("decisions/p300.json");
            }
            finished.incrementAndGet();
            return i;
        })).isExactlyInstanceOf(FileNotFoundException.class).hasMessage("decisions/p40.json")
            .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("decisions/p300.json"));
        assertThat(finished.get()).isEqualTo(498);
    }

    @Test
    void onOneThreadTooEveryItemFinishesBeforeTheFirstFailureIsThrown() {
        AtomicInteger finished = new AtomicInteger();
        assertThatThrownBy(() -> DriverCores.map(ITEMS, 1, "test", i -> {
            if (i == 3) throw new IllegalStateException("pilot p3: no cells");
            finished.incrementAndGet();
            return i;
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("pilot p3: no cells");
        assertThat(finished.get()).isEqualTo(499);

        assertThatThrownBy(() -> DriverCores.map(ITEMS, i -> {
            if (i == 9) throw new StackOverflowError("deep");
            return i;
        })).isExactlyInstanceOf(StackOverflowError.class).hasMessage("deep");
    }

    @Test
    void anInterruptIsWaitedThroughThenThrownWithTheFlagSetAgain() {
        AtomicInteger finished = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> DriverCores.map(ITEMS, 2, "test", i -> {
                Thread.sleep(0, 1000);
                finished.incrementAndGet();
                return i;
            })).isExactlyInstanceOf(DriverCores.Interrupted.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(finished.get()).isEqualTo(500);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theWorkRunsWithTheCallersClassLoaderAsUnderSparkSubmit() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader ours = new URLClassLoader(new URL[0], before)) {
            Thread.currentThread().setContextClassLoader(ours);
            assertThat(DriverCores.map(ITEMS, i -> Thread.currentThread().getContextClassLoader())).containsOnly(ours);
            assertThat(DriverCores.map(List.of(1), i -> Thread.currentThread().getContextClassLoader())).containsOnly(ours);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }
}
