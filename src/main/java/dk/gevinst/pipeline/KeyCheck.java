package dk.gevinst.pipeline;

import dk.gevinst.ingest.FileLedger;
import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import org.apache.hadoop.fs.Path;

/**
 * The pseudonym key must be the one an output folder's state was written with. Files are known in the state by keyed
 * references and persons by keyed pseudonyms, so another key made a stranger's night read every file as new and every
 * known one as removed ("45 filer blev fjernet fra datamappen"), with exit 0 and no word of the key, and would have
 * given every person a second pseudonym. The state keeps a keyed digest of a fixed text ({@link Pseudonymizer#keyCheck}),
 * written on the first run that has none (checked first against the file ledger's keyed references, for a state from
 * before the check); a run with another key stops before reading anything.
 */
final class KeyCheck {
    static final String FILE = "key_check";

    private KeyCheck() {}

    static void verify(Storage storage, Path state, Pseudonymizer key) throws IOException {
        Path file = new Path(state, FILE);
        String mine = key.keyCheck();
        if (storage.exists(file)) {
            if (!storage.readText(file).strip().equals(mine)) throw wrongKey(state, file.getName() + " there tells them apart");
            return;
        }
        // A state from before the check: its file ledger names each file by a keyed reference of its path, which a path
        // without a masked part lets us make again. A wrong key on the night the check is first written is then refused
        // too, not remembered as the right one.
        FileLedger ledger = FileLedger.load(storage, state);
        if (!ledger.legacy()) {
            for (FileLedger.Entry e : ledger.records()) {
                if (e.display() == null || !e.display().equals(CprScrubber.mask(e.display()))) continue;
                if (!key.fileReference(e.display()).equals(e.file())) throw wrongKey(state, "its file ledger's references of known files say so");
                break;
            }
        }
        storage.mkdirs(state);
        storage.writeTextAtomically(file, mine + "\n");
    }

    private static GevinstException wrongKey(Path state, String how) {
        return new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "the pseudonym key is not the one " + state + " was written with (" + how
            + "): pass the same key as before (--key-file, --key-alias or GEVINST_PSEUDONYM_KEY); to start over with a new key, delete " + state
            + " or use a new --out: every file is then read again and every person gets a new pseudonym (docs/privacy.md, 'Pseudonym key')");
    }
}
