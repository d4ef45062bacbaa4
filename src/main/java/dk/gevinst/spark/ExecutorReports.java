package dk.gevinst.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * What the executors of a run said: which came, which went and why, and the first failed tasks. A
 * cluster failure message quotes it, because that is where the cause of a broken cluster shows.
 */
public final class ExecutorReports extends SparkListener {
    private static final int KEEP = 5;
    private final List<String> lines = new ArrayList<>();
    private int added;

    @Override
    public synchronized void onExecutorAdded(SparkListenerExecutorAdded e) {
        added++;
        if (lines.size() < KEEP) lines.add("executor " + e.executorId() + " started on " + e.executorInfo().executorHost());
    }

    @Override
    public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved e) {
        if (lines.size() < KEEP * 2) lines.add("executor " + e.executorId() + " removed: " + oneLine(e.reason()));
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
        if (e.reason() instanceof TaskFailedReason f && lines.size() < KEEP * 3) {
            lines.add("a task failed on executor " + e.taskInfo().executorId() + ": " + oneLine(f.toErrorString()));
        }
    }

    public synchronized int executorsAdded() {
        return added;
    }

    public synchronized String summary() {
        return String.join("; ", lines);
    }

    private static String oneLine(String s) {
        if (s == null) return "no reason given";
        String t = s.strip();
        int nl = t.indexOf('\n');
        t = nl < 0 ? t : t.substring(0, nl).strip();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
