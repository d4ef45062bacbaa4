package dk.gevinst.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent pieces of driver work (one pilot's evaluation, document or cells; one small file) done on the
 * driver's cores at once: with hundreds of pilots, one core did the night's driver arithmetic while the other
 * waited.
 *
 * <p>Every piece finishes before anything is thrown, so no write of one pilot outlives a failure of another
 * (and the run's lock); then the failure of the first failing piece in the given order is thrown, as it was
 * thrown, so a night with two bad files names the same one every time. Results come back in the given order.
 * The threads are the caller's for the call (with its class loader, which under spark-submit holds our jar),
 * as many as the cores the JVM may use.
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

    private static final AtomicInteger POOLS = new AtomicInteger();

    private DriverCores() {}

    /** {@code work} applied to every item, the results in the items' order. */
    public static <T, R, E extends Exception> List<R> map(List<T> items, Work<T, R, E> work) throws E {
        int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            List<R> out = new ArrayList<>(items.size());
            for (T t : items) out.add(work.apply(t));
            return out;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String name = "gevinst-driver-" + POOLS.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T t : items) futures.add(pool.submit(() -> work.apply(t)));
            return collect(futures);
        } finally {
            pool.shutdown();
        }
    }

    public static <T, E extends Exception> void forEach(List<T> items, Action<T, E> work) throws E {
        map(items, t -> {
            work.accept(t);
            return Boolean.TRUE;
        });
    }

    /** Waits for every piece (an interrupt is kept for afterwards), then throws the first failure in order. */
    @SuppressWarnings("unchecked")
    private static <R, E extends Exception> List<R> collect(List<Future<R>> futures) throws E {
        List<R> out = new ArrayList<>(futures.size());
        Throwable first = null;
        boolean interrupted = false;
        for (Future<R> f : futures) {
            while (true) {
                try {
                    R r = f.get();
                    if (first == null) out.add(r);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (first == null) first = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (first == null) return out;
        if (first instanceof RuntimeException r) throw r;
        if (first instanceof Error err) throw err;
        throw (E) first;
    }
}
