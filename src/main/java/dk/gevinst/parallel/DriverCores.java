package dk.gevinst.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent pieces of driver work (one pilot's evaluation, document or cells; one small file; one source's
 * ingest) done on the driver's cores at once: with hundreds of pilots, one core did the night's driver
 * arithmetic while the other waited.
 *
 * <p>Every piece finishes before anything is thrown, so no write of one piece outlives a failure of another
 * (and the run's lock). Then the failure of the first failing piece in the given order is thrown as it was
 * thrown, with later ones suppressed in it, so a night with two bad files names the same one every time. An
 * interrupt of the caller is waited through the same way and then thrown as {@link Interrupted}, with the
 * thread's interrupt flag set again. Results come back in the given order. The threads are made for the call,
 * with the caller's class loader (under spark-submit that is the one holding our jar).
 */
public final class DriverCores {
    /** One piece of work, which may throw {@code E} (an {@link java.io.IOException} for files). */
    @FunctionalInterface
    public interface Work<T, R, E extends Exception> {
        R apply(T item) throws E;
    }

    /** One piece of work without a result. */
    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        void accept(T item) throws E;
    }

    /** The caller was interrupted while the pieces ran; every piece had finished when this was thrown. */
    public static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted while work ran on the driver's cores; every piece of it finished first");
        }
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private DriverCores() {}

    /** {@code work} applied to every item on as many threads as the JVM has cores, the results in the items' order. */
    public static <T, R, E extends Exception> List<R> map(List<T> items, Work<T, R, E> work) throws E {
        return map(items, Runtime.getRuntime().availableProcessors(), "gevinst-driver", work);
    }

    /** The same on at most {@code threads} threads named {@code name}-pool-thread. */
    public static <T, R, E extends Exception> List<R> map(List<T> items, int threads, String name, Work<T, R, E> work) throws E {
        if (items.isEmpty()) return List.of();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String prefix = name + "-" + POOLS.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(items.size(), threads)), r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            Throwable notStarted = null;
            for (T t : items) {
                try {
                    futures.add(pool.submit(() -> work.apply(t)));
                } catch (RuntimeException | Error e) {
                    // No thread for the rest (out of native threads): they are not run, and those started are waited for.
                    notStarted = e;
                    break;
                }
            }
            return collect(futures, notStarted);
        } finally {
            pool.shutdown();
        }
    }

    /** {@code work} done for every item, as {@link #map(List, Work)}. */
    public static <T, E extends Exception> void forEach(List<T> items, Action<T, E> work) throws E {
        map(items, t -> {
            work.accept(t);
            return Boolean.TRUE;
        });
    }

    @SuppressWarnings("unchecked")
    private static <R, E extends Exception> List<R> collect(List<Future<R>> futures, Throwable notStarted) throws E {
        List<R> out = new ArrayList<>(futures.size());
        Throwable first = null;
        boolean interrupted = false;
        for (Future<R> f : futures) {
            while (true) {
                try {
                    out.add(f.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    first = firstOf(first, e.getCause());
                    break;
                }
            }
        }
        first = firstOf(first, notStarted);
        if (interrupted) {
            Thread.currentThread().interrupt();
            first = firstOf(first, new Interrupted());
        }
        if (first == null) return out;
        if (first instanceof RuntimeException r) throw r;
        if (first instanceof Error err) throw err;
        // A checked exception can only come from a piece, whose Work declares E.
        throw (E) first;
    }

    private static Throwable firstOf(Throwable first, Throwable next) {
        if (next == null) return first;
        if (first == null) return next;
        if (first != next) first.addSuppressed(next);
        return first;
    }
}
