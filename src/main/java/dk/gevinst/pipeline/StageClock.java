package dk.gevinst.pipeline;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seconds per stage, wall clock and CPU, for the progress lines, the log and the manifest: where a night's
 * time goes. CPU seconds are the whole process's (the driver and, on a local master, the executors): on a
 * shared machine wall seconds grow with the load, CPU seconds much less, so they show where the work is.
 */
final class StageClock {
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
    private final RunProgress progress;
    private long last = System.nanoTime();
    private long lastCpu = processCpuNanos();

    StageClock(RunProgress progress) {
        this.progress = progress;
    }

    /** A first stage from the JVM's start to now (its uptime, a monotonic clock), and the next stage starts now. */
    void lapSinceProcessStart(String stage, long count, String what) {
        long cpu = processCpuNanos();
        record(stage, count, what, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
            cpu < 0 ? -1 : cpu / 1e9);
        last = System.nanoTime();
        lastCpu = cpu;
    }

    void lap(String stage, long count, String what) {
        long now = System.nanoTime();
        long cpu = processCpuNanos();
        record(stage, count, what, (now - last) / 1e9, lastCpu < 0 || cpu < 0 ? -1 : (cpu - lastCpu) / 1e9);
        last = now;
        lastCpu = cpu;
    }

    private void record(String stage, long count, String what, double wall, double cpu) {
        double s = round(wall);
        seconds.put(stage, s);
        if (cpu >= 0) cpuSeconds.put(stage, round(cpu));
        progress.stageDone(stage, count, what, s);
    }

    Map<String, Double> seconds() {
        return seconds;
    }

    /** Empty where the JVM cannot tell its CPU time. */
    Map<String, Double> cpuSeconds() {
        return cpuSeconds;
    }

    /** CPU nanoseconds this process has used so far, or -1 where the JVM does not say. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime() : -1;
    }

    private static double round(double s) {
        return Math.round(s * 100) / 100.0;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        seconds.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v).append(" s"));
        return b.toString();
    }
}
