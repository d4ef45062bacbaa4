package dk.gevinst.cli;

import dk.gevinst.generate.MunicipalityGenerator;
import dk.gevinst.generate.Scenario;
import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic municipality (cases, surveys, usage, metrics, costs) at any scale, for demos, tests and benchmarks.",
    footer = {"", "Examples:",
        "  gevinst generate --out data-samples --seed 20261127         (the sample)",
        "  gevinst generate --out /tmp/big --seed 7 --cases 2000000    (a benchmark)",
        "", "The same seed and size always give the same files. Pilot specs in jobs/pilots/ fit any scale."})
public final class GenerateCommand implements Callable<Integer> {
    /** The committed sample's size: about this many cases over the sample year. */
    public static final int SAMPLE_CASES = 36000;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the data root into.")
    String out;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261127", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--cases", paramLabel = "N", defaultValue = "" + SAMPLE_CASES, description = "About how many cases in the pilots' units (default ${DEFAULT-VALUE}); the procurement's two teams add about a quarter more.")
    int cases;
    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        if (cases < 100) throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "--cases is " + cases + "; ask for at least 100");
        double weekdays = java.time.temporal.ChronoUnit.DAYS.between(Scenario.FIRST_DAY, Scenario.LAST_DAY) * 5.0 / 7;
        double scale = cases / (Scenario.totalCasesPerWeekday() * weekdays);
        var summary = new MunicipalityGenerator(new Storage(new Configuration()), Storage.resolve(out), seed, scale).write();
        System.out.printf("Wrote %d case versions, %d survey rows, %d usage rows in %d files to %s%n",
            summary.caseVersions(), summary.surveyRows(), summary.usageRows(), summary.files(), out);
        return 0;
    }
}
