package dk.gevinst.dashboard;

import dk.gevinst.text.Language;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The dashboard's words, from texts_da / texts_en beside this class. */
public final class Texts {
    private final ResourceBundle bundle;
    private final Language language;

    public Texts(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("dk.gevinst.dashboard.texts", language.locale());
    }

    public Language language() {
        return language;
    }

    public String get(String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key).replace("'", "''"), language.locale()).format(args);
    }

    /** The escaped text, ready for a page. */
    public String h(String key) {
        return Html.esc(get(key));
    }
}
