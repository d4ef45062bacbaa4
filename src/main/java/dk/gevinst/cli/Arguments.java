package dk.gevinst.cli;

import dk.gevinst.pipeline.ExitCode;
import dk.gevinst.pipeline.GevinstException;
import dk.gevinst.storage.Storage;
import dk.gevinst.text.Language;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/** Checks of command-line values that say what is wrong with the value and how to write it instead. */
final class Arguments {
    static final String YESTERDAY = "yesterday";
    private static final Pattern DATE_SHAPE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private Arguments() {}

    /**
     * A calendar day written YYYY-MM-DD, or "yesterday" (the local calendar), which lets a schedule name
     * the night it evaluates whatever as_of a config holds. A well-formed but impossible day (2026-13-01)
     * is called that; a year of more than four digits is refused.
     */
    static LocalDate date(String value, String option) {
        String v = value.strip();
        if (v.equalsIgnoreCase(YESTERDAY)) return LocalDate.now().minusDays(1);
        Matcher m = DATE_SHAPE.matcher(v);
        // The shape first: ISO would also read "+10000-01-01", which no night can mean.
        if (!m.matches()) {
            throw bad(option + " is '" + value + "'; write a date as YYYY-MM-DD (a four-digit year), e.g. 2026-11-27, or yesterday");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            String why;
            if (month < 1 || month > 12) {
                why = "there is no month " + month;
            } else {
                YearMonth ym = YearMonth.of(year, month);
                why = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + " has " + ym.lengthOfMonth() + " days";
            }
            throw bad(option + " is '" + value + "', which is not a real date (" + why + "); give a day that exists, as YYYY-MM-DD");
        }
    }

    static Language language(String value, String option) {
        try {
            return Language.parse(value);
        } catch (IllegalArgumentException e) {
            throw bad(option + " is '" + value + "'; use da or en");
        }
    }

    /** A folder that must exist: a file or a missing path is named as such, with what to give instead. */
    static Path folder(Storage storage, String value, String option, String example) {
        Path p = Storage.resolve(value);
        try {
            if (storage.isDirectory(p)) return p;
            if (storage.exists(p)) {
                throw bad(option + " is the file " + value + "; give the folder that holds it, e.g. " + option + " " + example);
            }
        } catch (IOException e) {
            throw bad("cannot read " + option + " " + value + ": " + e.getMessage());
        }
        throw bad(option + " " + value + " does not exist; give an existing folder, e.g. " + option + " " + example);
    }

    /** The run config file: a missing file is called missing, with the path it was looked for at. */
    static File configFile(File config) {
        if (config.isFile()) return config;
        if (config.isDirectory()) {
            throw bad("--config " + config + " is a folder; give the run config file, e.g. --config jobs/nightly.yaml");
        }
        String hint = "";
        String name = config.getName();
        File other = name.endsWith(".yml") ? new File(config.getParentFile(), name.substring(0, name.length() - 4) + ".yaml")
            : name.endsWith(".yaml") ? new File(config.getParentFile(), name.substring(0, name.length() - 5) + ".yml") : null;
        if (other != null && other.isFile()) hint = " (there is " + other.getPath() + ")";
        throw bad("the config file " + config + " is missing: nothing at " + config.getAbsolutePath() + hint
            + "; give the path of the run config, e.g. --config jobs/nightly.yaml");
    }

    static GevinstException bad(String message) {
        return new GevinstException(ExitCode.BAD_SPEC_OR_ARGUMENTS, message);
    }
}
