package dk.gevinst.ingest;

import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * State written before files were named by keyed references (its folders carry raw file names, which may
 * hold CPR numbers). It cannot be read beside the new layout, so it is moved aside, whole, and every file is
 * read again; frozen final analyses are kept. Delete the moved folder once the new state is trusted.
 */
final class LegacyState {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LegacyState.class);

    private LegacyState() {}

    static FileLedger moveAside(Storage storage, Path stateRoot, String runId) throws IOException {
        Path aside = new Path(stateRoot, ".legacy-" + runId);
        List<String> tables = new ArrayList<>(List.of(FileLedger.FOLDER, SparkIngest.LEGACY_QUARANTINE));
        for (Source s : Source.values()) tables.add(s.folder());
        for (String t : tables) {
            Path from = new Path(stateRoot, t);
            if (!storage.exists(from)) continue;
            storage.mkdirs(aside);
            if (!storage.rename(from, new Path(aside, t))) throw new IOException("could not move " + from + " to " + aside);
        }
        LOG.warn("The ingested state was written by an older Gevinst that named files by their raw path; it was moved to {} "
            + "and every file is read again. Delete that folder once tonight's run is checked.", aside);
        return FileLedger.load(storage, stateRoot);
    }
}
