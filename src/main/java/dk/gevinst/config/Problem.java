package dk.gevinst.config;

import dk.gevinst.text.Language;

/**
 * One validation error, located so an editor can jump to it: {@code file:line:column: message}. A problem in a
 * pilot spec says it in English and in Danish, since a Danish page shows why a pilot was not evaluated; the
 * run config's and the catalog's problems are read at the terminal only and have no Danish text (null).
 */
public record Problem(String file, int line, int column, String message, String messageDa) {
    /** A message may quote a spec's value: CPR-shaped text in it is masked before anyone prints it. */
    public Problem {
        message = dk.gevinst.privacy.CprScrubber.mask(message);
        messageDa = messageDa == null ? null : dk.gevinst.privacy.CprScrubber.mask(messageDa);
    }

    /** A problem read at the terminal only (run config, catalog): English. */
    public Problem(String file, int line, int column, String message) {
        this(file, line, column, message, null);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    /** The located problem in a reader's language; file:line:column stays as editors and 'gevinst validate' print it. */
    public String in(Language language) {
        return language == Language.DA && messageDa != null ? file + ":" + line + ":" + column + ": " + messageDa : toString();
    }
}
