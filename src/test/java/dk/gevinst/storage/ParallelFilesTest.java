package dk.gevinst.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelFilesTest {
    @Test
    void resultsComeBackInTheItemsOrder() throws IOException {
        List<Integer> items = IntStream.range(0, 2_000).boxed().toList();

        assertThat(ParallelFiles.map(items, i -> "f" + i)).containsExactlyElementsOf(items.stream().map(i -> "f" + i).toList());
        assertThat(ParallelFiles.map(List.<Integer>of(), i -> i)).isEmpty();
    }

    @Test
    void everyItemIsDoneOnceAndAFailureIsThrownAsItWasThrown() throws IOException {
        var done = ConcurrentHashMap.<Integer>newKeySet();
        ParallelFiles.forEach(IntStream.range(0, 500).boxed().toList(), i -> assertThat(done.add(i)).isTrue());
        assertThat(done).hasSize(500);

        assertThatThrownBy(() -> ParallelFiles.map(IntStream.range(0, 500).boxed().toList(), i -> {
            if (i == 321) throw new FileNotFoundException("decisions/p321.json");
            return i;
        })).isExactlyInstanceOf(FileNotFoundException.class).hasMessage("decisions/p321.json");
    }
}
