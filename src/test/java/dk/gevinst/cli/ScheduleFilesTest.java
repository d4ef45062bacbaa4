package dk.gevinst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dk.gevinst.testing.Repo;
import dk.gevinst.testing.TempDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The schedules in jobs/schedule/ run what they say: the Airflow DAG loads and builds a SparkSubmitOperator
 * with arguments the real operator takes, the Kubernetes manifest is valid against the Spark operator's
 * CRD, and every schedule hands gevinst arguments it accepts, at the same hour.
 */
class ScheduleFilesTest {
    private static final Path SCHEDULE = Repo.root().resolve("jobs/schedule");
    private static final Path RESOURCES = Repo.root().resolve("src/test/resources/schedule");
    private static final String NIGHTLY = "30 2 * * *";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Arguments as gevinst's own command line reads them; a wrong flag or a missing value throws. */
    private static CommandLine.ParseResult gevinst(List<String> args) {
        return new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
    }

    private static String[] python(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(p.exitValue()), out, err};
    }

    private static String[] checkDag(Path dag) throws Exception {
        return python(RESOURCES.resolve("check_airflow_dag.py").toString(), dag.toString(), "2026-11-28T02:30:00");
    }

    @Test
    void theAirflowDagSubmitsTheThinJarForLastNightAndMailsOnFailure() throws Exception {
        String[] result = checkDag(SCHEDULE.resolve("airflow/gevinst_nightly.py"));
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        JsonNode built = JSON.readTree(result[1]);
        JsonNode dag = built.path("dags").get(0);
        assertThat(dag.path("schedule").asText()).isEqualTo(NIGHTLY);
        assertThat(dag.path("catchup").asBoolean(true)).isFalse();
        assertThat(dag.path("max_active_runs").asInt()).isEqualTo(1);
        assertThat(dag.path("default_args").path("email_on_failure").asBoolean()).isTrue();
        assertThat(dag.path("default_args").path("email")).isNotEmpty();

        assertThat(built.path("operators")).hasSize(1);
        JsonNode op = built.path("operators").get(0);
        assertThat(op.path("java_class").asText()).isEqualTo(Main.class.getName());
        assertThat(op.path("application").asText()).endsWith("/gevinst.jar");
        assertThat(op.path("jars").asText()).endsWith("/submit-lib/*.jar");
        List<String> args = StreamSupport.stream(built.path("rendered_args").spliterator(), false).map(JsonNode::asText).toList();
        assertThat(args).containsSubsequence("run", "--config").contains("--quiet");
        assertThat(args.get(args.indexOf("--config") + 1)).endsWith("/jobs/nightly.yaml");
        assertThat(args.get(args.indexOf("--as-of") + 1)).as("the night before a run at 2026-11-28 02:30").isEqualTo("2026-11-27");
        assertThat(gevinst(args).subcommand().commandSpec().name()).isEqualTo("run");
    }

    @Test
    void theDagCheckFailsOnAnArgumentAirflowWouldRefuse(@TempDir Path tmp) throws Exception {
        String dag = Files.readString(SCHEDULE.resolve("airflow/gevinst_nightly.py"));
        Path misspelt = TempDirs.write(tmp, "misspelt.py", dag.replace("java_class=", "main_class="));
        String[] result = checkDag(misspelt);
        assertThat(result[0]).isNotEqualTo("0");
        assertThat(result[2]).contains("SparkSubmitOperator has arguments the real class does not take: ['main_class']");
        Path heavy = TempDirs.write(tmp, "heavy.py", "import requests\n" + dag);
        assertThat(checkDag(heavy)[2]).contains("imports requests");
    }

    @Test
    void theKubernetesManifestIsAValidScheduledSparkApplication() throws Exception {
        JsonNode manifest = new YAMLMapper().readTree(SCHEDULE.resolve("kubernetes/gevinst-nightly.yaml").toFile());
        assertThat(crdErrors(manifest)).isEmpty();
        assertThat(manifest.path("apiVersion").asText()).isEqualTo("sparkoperator.k8s.io/v1beta2");
        assertThat(manifest.path("kind").asText()).isEqualTo("ScheduledSparkApplication");
        assertThat(manifest.path("spec").path("schedule").asText()).isEqualTo(NIGHTLY);
        JsonNode template = manifest.path("spec").path("template");
        assertThat(template.path("sparkVersion").asText()).isEqualTo(pomSparkVersion());
        assertThat(template.path("mainClass").asText()).isEqualTo(Main.class.getName());
        assertThat(template.path("restartPolicy").path("type").asText()).isEqualTo("Never");
        List<String> args = StreamSupport.stream(template.path("arguments").spliterator(), false).map(JsonNode::asText).toList();
        assertThat(gevinst(args).subcommand().matchedOptionValue("--config", new java.io.File("")).getPath()).endsWith("/jobs/nightly.yaml");
        assertThat(args).contains("--quiet");
        assertThat(template.path("driver").path("volumeMounts").findValuesAsText("name")).contains("pseudonym-key");
        assertThat(template.path("executor").path("volumeMounts").findValuesAsText("name"))
            .as("the pseudonym key is mounted on the driver only").doesNotContain("pseudonym-key");
        String dockerfile = Files.readString(SCHEDULE.resolve("kubernetes/Dockerfile"));
        assertThat(dockerfile).contains("FROM apache/spark:" + pomSparkVersion() + "-")
            .contains(template.path("mainApplicationFile").asText().replace("local://", ""));
    }

    @Test
    void theCrdCheckRefusesWhatTheOperatorWould() throws Exception {
        ObjectNode manifest = (ObjectNode) new YAMLMapper().readTree(SCHEDULE.resolve("kubernetes/gevinst-nightly.yaml").toFile());
        ObjectNode template = (ObjectNode) manifest.path("spec").path("template");
        template.put("type", "Kotlin");
        template.remove("sparkVersion");
        template.set("mainClas", template.remove("mainClass"));
        ((ObjectNode) template.path("driver")).put("cores", "one");
        assertThat(crdErrors(manifest)).anySatisfy(m -> assertThat(m).contains("$.spec.template.type", "enumeration"))
            .anySatisfy(m -> assertThat(m).contains("sparkVersion"))
            .anySatisfy(m -> assertThat(m).contains("mainClas"))
            .anySatisfy(m -> assertThat(m).contains("$.spec.template.driver.cores", "integer expected"));
    }

    @Test
    void cronAndSystemdRunTheSameCommandAtTheSameHourAndAlertOnFailure() throws Exception {
        List<String> cron = Files.readAllLines(SCHEDULE.resolve("gevinst.cron")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(cron).anySatisfy(l -> assertThat(l).startsWith("MAILTO="));
        String job = cron.stream().filter(l -> l.matches("^[0-9*].*")).findFirst().orElseThrow();
        assertThat(String.join(" ", Arrays.copyOfRange(job.split("\\s+"), 0, 5))).isEqualTo(NIGHTLY);
        assertThat(job).contains("|| tail -n 1 ");
        assertThat(gevinst(argsAfter(job, "bin/gevinst"))).isNotNull();

        String service = Files.readString(SCHEDULE.resolve("gevinst.service"));
        assertThat(gevinst(argsAfter(line(service, "ExecStart="), "bin/gevinst"))).isNotNull();
        String alertUnit = line(service, "OnFailure=").substring("OnFailure=".length()).replace("%n", "");
        assertThat(SCHEDULE.resolve(alertUnit)).exists();
        assertThat(Files.readString(SCHEDULE.resolve(alertUnit))).contains("grep \"^gevinst: exit \"");
        assertThat(line(Files.readString(SCHEDULE.resolve("gevinst.timer")), "OnCalendar=")).endsWith(" 02:30:00");
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no " + prefix));
    }

    /** The launcher's arguments in a shell command line, up to the first redirection or operator. */
    private static List<String> argsAfter(String command, String launcher) {
        List<String> words = Arrays.asList(command.split("\\s+"));
        int start = -1;
        for (int i = 0; i < words.size(); i++) if (words.get(i).endsWith(launcher)) start = i + 1;
        assertThat(start).as("the command runs " + launcher + ": " + command).isPositive();
        List<String> args = new ArrayList<>();
        for (String w : words.subList(start, words.size())) {
            if (Set.of(">>", ">", "||", "&&", "|", "2>&1").contains(w)) break;
            args.add(w);
        }
        return args;
    }

    /**
     * Validation as the operator's API server does it: the CRD's schema, where an object with listed
     * properties takes no others (Kubernetes prunes unknown fields; kubectl's strict validation refuses them).
     */
    private static List<String> crdErrors(JsonNode manifest) throws Exception {
        JsonNode schema = JSON.readTree(RESOURCES.resolve("scheduledsparkapplication-v1beta2.schema.json").toFile());
        closeObjects(schema);
        JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
        return s.validate(manifest).stream().map(ValidationMessage::getMessage).toList();
    }

    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.has("properties") && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !o.has("additionalProperties")) {
                o.put("additionalProperties", false);
            }
            o.forEach(ScheduleFilesTest::closeObjects);
        } else if (node.isArray()) {
            node.forEach(ScheduleFilesTest::closeObjects);
        }
    }

    private static String pomSparkVersion() throws Exception {
        Matcher m = Pattern.compile("<spark.version>([^<]+)</spark.version>").matcher(Files.readString(Repo.root().resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
