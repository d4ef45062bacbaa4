package dk.gevinst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dk.gevinst.testing.Repo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar data teams submit: target/gevinst.jar (Spark provided) with target/submit-lib/ as --jars, run
 * through Spark's own SparkSubmit in a separate JVM whose classpath holds only Spark (target/lib stands in
 * for the cluster). It must decide exactly as the embedded run does.
 */
class SparkSubmitIT {
    @Test
    void theThinJarRunsUnderSparkSubmitAndDecidesAsEmbedded(@TempDir Path tmp) throws Exception {
        Path repo = Repo.root();
        Path target = repo.resolve("target");
        assertThat(target.resolve("gevinst.jar")).exists();
        String jars;
        try (var s = Files.list(target.resolve("submit-lib"))) {
            jars = s.map(Path::toString).sorted().collect(Collectors.joining(","));
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(Files.readString(target.resolve("jvm-options")).trim().split("\\s+")));
        cmd.addAll(List.of("-cp", target.resolve("lib") + File.separator + "*", "org.apache.spark.deploy.SparkSubmit",
            "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--class", "dk.gevinst.cli.Main", "--jars", jars,
            target.resolve("gevinst.jar").toString(),
            "run", "--pilots", repo.resolve("jobs/pilots").toString(), "--data", repo.resolve("data-samples").toString(),
            "--out", tmp.resolve("submitted").toString(), "--as-of", SampleRun.AS_OF, "--demo-key"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("submit.log").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("submit.log"))).isZero();

        assertThat(SampleRun.run(tmp.resolve("embedded"))).isZero();
        for (String pilot : List.of("sagsoverblik", "datalake", "chatbot")) {
            assertThat(Files.readString(tmp.resolve("submitted/decisions/" + pilot + ".json")))
                .isEqualTo(Files.readString(tmp.resolve("embedded/decisions/" + pilot + ".json")));
        }
        assertThat(Files.readString(tmp.resolve("submit.log"))).contains("GO      sagsoverblik");
    }
}
