package dk.gevinst.pipeline;

import dk.gevinst.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * A separate JVM that takes the run lock and publishes a version, stopping for good at one step after
 * writing a signal file, so that the test can kill it with SIGKILL exactly there. Arguments: output
 * folder, version, tag, day, the step to stop at ("none" to finish), signal file.
 */
public final class PublishChild {
    private PublishChild() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String stopAt = args[4];
        Path signal = Path.of(args[5]);
        StagedPublish.setHook((step, version) -> {
            if (step.equals(stopAt)) {
                Files.writeString(signal, step);
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        PublicationProtocolTest.publish(new Storage(new Configuration()), out, args[1], args[2], args[3]);
        Files.writeString(signal, "done");
    }
}
