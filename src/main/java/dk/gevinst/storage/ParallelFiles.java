package dk.gevinst.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Many small files read or written on the driver's cores at once, in the order given: a night reads and
 * writes a document per pilot, and with hundreds of pilots one core parsing JSON while the other waits was
 * most of those stages. The first failure is thrown as it was thrown.
 */
public final class ParallelFiles {
    /** One file's work, which may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface IoFunction<T, R> {
        R apply(T t) throws IOException;
    }

    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    private ParallelFiles() {}

    /** {@code work} applied to every item, the results in the items' order. */
    public static <T, R> List<R> map(List<T> items, IoFunction<T, R> work) throws IOException {
        try {
            return items.parallelStream().map(t -> {
                try {
                    return work.apply(t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static <T> void forEach(List<T> items, IoConsumer<T> work) throws IOException {
        map(items, t -> {
            work.accept(t);
            return Boolean.TRUE;
        });
    }
}
