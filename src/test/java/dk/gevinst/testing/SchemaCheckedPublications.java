package dk.gevinst.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dk.gevinst.pipeline.StagedPublish;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Every decision document any test publishes is checked against docs/decision.schema.json before its
 * publication is switched in: the check is the publish hook of the whole test JVM (installed for every
 * test class by {@link SchemaCheckExtension}), so a run that writes one invalid document fails the test
 * that made it. A test with a hook of its own installs it with {@link #install(StagedPublish.Hook)} and
 * restores the check alone with {@link #install()}.
 */
public final class SchemaCheckedPublications {
    private static final JsonSchema SCHEMA = load();
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StagedPublish.Hook CHECK = (step, version) -> {
        if (step.equals("built")) check(Path.of(version.toUri()).resolve("decisions"));
    };

    private SchemaCheckedPublications() {}

    /** Installs the check, alone or before a test's own hook (which then runs at every step as well). */
    public static void install(StagedPublish.Hook extra) {
        StagedPublish.setHook(extra == null ? CHECK : (step, version) -> {
            CHECK.at(step, version);
            extra.at(step, version);
        });
    }

    public static void install() {
        install(null);
    }

    private static boolean installed;

    static synchronized void installOnce() {
        if (!installed) install();
        installed = true;
    }

    /** How many documents the check has passed in this JVM. */
    public static int checked() {
        return CHECKED.get();
    }

    /** Validates every document in a decisions folder; an invalid one is an AssertionError naming it and what is wrong. */
    public static void check(Path decisions) throws IOException {
        if (!Files.isDirectory(decisions)) return;
        try (Stream<Path> files = Files.list(decisions)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Set<ValidationMessage> errors = SCHEMA.validate(JSON.readTree(f.toFile()));
                if (!errors.isEmpty()) throw new AssertionError("published " + f.getFileName() + " does not match docs/decision.schema.json: " + errors);
                CHECKED.incrementAndGet();
            }
        }
    }

    private static JsonSchema load() {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Repo.root().resolve("docs/decision.schema.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
