package dk.gevinst.cli;

import dk.gevinst.cli.explain.Explanation;
import dk.gevinst.cli.explain.PublishedNight;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain one pilot's decision from the published outputs alone: the rule's steps and which held, "
        + "each indicator's interval and verdict, the business case, data health, and what changed since the night before.",
    footer = {"", "Examples:",
        "  gevinst explain sagsoverblik --out out",
        "  gevinst explain chatbot --out out --locale en",
        "  gevinst explain chatbot --out out --as-of 2026-11-20 --locale en",
        "", "The latest night is explained in full; an earlier night (--as-of) from the",
        "published tables: its decision, main reason and indicator results."})
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PILOT", description = "The pilot's id, e.g. sagsoverblik.")
    String pilot;
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "The output folder of a run (default ${DEFAULT-VALUE}).")
    String out;
    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The night to explain (default: the latest published).")
    String asOf;
    @Option(names = "--locale", paramLabel = "da|en", defaultValue = "da", description = "Language (default ${DEFAULT-VALUE}).")
    String locale;
    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        var language = Arguments.language(locale, "--locale");
        LocalDate night = asOf == null ? null : Arguments.date(asOf, "--as-of");
        Storage storage = new Storage(new Configuration());
        PublishedNight published = PublishedNight.load(storage, Storage.resolve(out), pilot, night);
        Explanation.lines(published, language).forEach(System.out::println);
        return 0;
    }
}
