package dk.gevinst.cli;

import dk.gevinst.config.SharedTitles;
import dk.gevinst.config.SpecLoad;
import dk.gevinst.config.SpecLoader;
import dk.gevinst.config.UnitsWithoutData;
import dk.gevinst.ingest.FileInventory;
import dk.gevinst.ingest.FileUnits;
import dk.gevinst.ingest.HeaderCheck;
import dk.gevinst.ingest.IndicatorColumns;
import dk.gevinst.ingest.SourceFile;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.source.Columns;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check pilot specs and the headers of every data file against the contract. Writes nothing.",
    footer = {"", "Examples:", "  gevinst validate --pilots jobs/pilots --data data-samples",
        "", "Exit 0 when all is valid (warnings, such as a misspelt optional column or a spec unit without rows, do not change it), 2 when a spec is invalid",
        "or names units without rows once its pilot has started (a week after the start when other units of the arm have rows),",
        "3 when a data file is unreadable or lacks a required column."})
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
        load.failures().forEach(f -> f.problems().forEach(p -> System.out.println(p)));
        int headerProblems = 0, unevaluable = 0;
        // Each valid spec's lines about its units, printed with its own verdict below: 'ok' above an error for the
        // same file read as two answers (stop 32's leftover).
        Map<String, List<String>> unitLines = new LinkedHashMap<>();
        Set<String> blocked = new TreeSet<>();
        if (data != null) {
            Path root = Arguments.folder(storage, data, "--data", "data-samples");
            List<IndicatorColumns.FileColumns> columns = new ArrayList<>();
            Set<String> units = new TreeSet<>();
            for (Source source : Source.values()) {
                // References are not written by validate; the inventory needs a key only to compute them.
                FileInventory inventory = FileInventory.list(storage, root, source, Pseudonymizer.demo());
                inventory.skipped().forEach(p -> System.out.println("skip    " + p));
                for (SourceFile f : inventory.files()) {
                    HeaderCheck.Head head = HeaderCheck.read(storage, source, f.path(), f.format(), f.size());
                    if (!head.ok()) {
                        headerProblems++;
                        System.out.println(f.display() + ": " + head.problem());
                        continue;
                    }
                    head.warnings().forEach(w -> System.out.println("warning " + f.display() + ": " + w));
                    columns.add(new IndicatorColumns.FileColumns(source.folder(), f.display(), head.columns()));
                    if (source.indexOf(Columns.UNIT) >= 0) FileUnits.read(storage, f.path(), f.format(), head.dialect(), units);
                }
            }
            IndicatorColumns.absent(columns, load.valid()).forEach(p -> System.out.println("warning " + p));
            // With no unit in the data at all there is nothing to misspell against (a data root without exports yet).
            if (!units.isEmpty()) {
                for (var spec : load.valid()) {
                    List<UnitsWithoutData.Missing> missing = UnitsWithoutData.of(spec, units, java.time.LocalDate.now());
                    // None of its units in the data at all: the run exits 2 for it on any night (no data to be stale).
                    boolean none = !missing.isEmpty() && missing.get(0).started() && missing.size() == spec.pilotUnits().size() + spec.controlUnits().size();
                    for (UnitsWithoutData.Missing m : missing) {
                        boolean error = none || m.blocks();
                        unitLines.computeIfAbsent(spec.file(), k -> new ArrayList<>()).add((error ? "error   " : "warning ") + spec.file() + ": " + m.en(spec.id()));
                        if (error) {
                            unevaluable++;
                            blocked.add(spec.file());
                        }
                    }
                }
            }
        }
        for (var s : load.valid()) {
            if (!blocked.contains(s.file())) System.out.println("ok      " + s.file() + " (" + s.id() + ", " + s.indicators().size() + " indicators)");
            unitLines.getOrDefault(s.file(), List.of()).forEach(System.out::println);
        }
        SharedTitles.warnings(load.valid()).forEach(w -> System.out.println("warning " + w));
        if (headerProblems > 0) return ExitCode.DATA_SOURCE_UNREADABLE.code();
        return load.failures().isEmpty() && unevaluable == 0 ? ExitCode.OK.code() : ExitCode.BAD_SPEC_OR_ARGUMENTS.code();
    }
}
