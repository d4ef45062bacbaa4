package dk.gevinst.pipeline;

import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import org.apache.hadoop.fs.Path;

/**
 * The pseudonym key must be the one an output folder's state was written with. Files are known in the state by keyed
 * references and persons by keyed pseudonyms, so another key made a stranger's night read every file as new and every
 * known one as removed ("45 filer blev fjernet fra datamappen"), with exit 0 and no word of the key, and would have
 * given every person a second pseudonym. The state keeps a keyed digest of a fixed text ({@link Pseudonymizer#keyCheck}),
 * written on the first run that has none; a run with another key stops before reading anything.
 */
final class KeyCheck {
    static final String FILE = "key_check";

    private KeyCheck() {}

    static void verify(Storage storage, Path state, Pseudonymizer key) throws IOException {
        Path file = new Path(state, FILE);
        String mine = key.keyCheck();
        if (!storage.exists(file)) {
            storage.mkdirs(state);
            storage.writeTextAtomically(file, mine + "\n");
            return;
        }
        if (storage.readText(file).strip().equals(mine)) return;
        throw new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, "the pseudonym key is not the one " + state + " was written with ("
            + file.getName() + " there tells them apart): pass the same key as before (--key-file, --key-alias or " + "GEVINST_PSEUDONYM_KEY)"
            + "; to start over with a new key, delete " + state + " or use a new --out: every file is then read again and every person gets a new pseudonym "
            + "(docs/privacy.md, 'Pseudonym key')");
    }
}
