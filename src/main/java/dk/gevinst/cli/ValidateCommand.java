package dk.gevinst.cli;

import dk.gevinst.config.SpecLoad;
import dk.gevinst.config.SpecLoader;
import dk.gevinst.ingest.HeaderCheck;
import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.source.FileFormat;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check pilot specs and the headers of every data file against the contract. Writes nothing.",
    footer = {"", "Examples:", "  gevinst validate --pilots jobs/pilots --data data-samples",
        "", "Exit 0 when all is valid, 2 when a spec is invalid, 3 when a data file is unreadable or lacks a column."})
public final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--pilots", paramLabel = "DIR", required = true, description = "Folder of pilot specs (*.yaml).")
    String pilots;
    @Option(names = "--data", paramLabel = "DIR", description = "Data root to check the file headers of.")
    String data;
    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        Storage storage = new Storage(new Configuration());
        SpecLoad load = new SpecLoader(storage).load(Arguments.folder(storage, pilots, "--pilots", "jobs/pilots"), pilots.endsWith("/") ? pilots : pilots + "/");
        load.valid().forEach(s -> System.out.println("ok      " + s.file() + " (" + s.id() + ", " + s.indicators().size() + " indicators)"));
        load.failures().forEach(f -> f.problems().forEach(p -> System.out.println(p)));
        int headerProblems = 0;
        if (data != null) {
            Path root = Arguments.folder(storage, data, "--data", "data-samples");
            for (Source source : Source.values()) {
                for (Storage.FileEntry f : storage.listFiles(new Path(root, source.folder()))) {
                    var format = FileFormat.of(f.path().getName());
                    String rel = source.folder() + "/" + f.path().getName();
                    if (format.isEmpty()) {
                        System.out.println("skip    " + rel + ": not a .csv, .jsonl or .parquet file");
                        continue;
                    }
                    String problem = HeaderCheck.problem(storage, source, f.path(), format.get());
                    if (problem != null) {
                        headerProblems++;
                        System.out.println(rel + ": " + problem);
                    }
                }
            }
        }
        if (headerProblems > 0) return ExitCode.DATA_SOURCE_UNREADABLE.code();
        return load.failures().isEmpty() ? ExitCode.OK.code() : ExitCode.BAD_SPEC_OR_ARGUMENTS.code();
    }
}
