package dk.gevinst.ingest;

/** Normalises the keys it is given, in a JVM of its own (JsonKeysTest reads which classes that loaded). */
public final class JsonKeysProbe {
    private JsonKeysProbe() {}

    public static void main(String[] keys) {
        StringBuilder out = new StringBuilder("normalised:");
        for (String k : keys) out.append(' ').append(JsonKeys.normalise(k));
        System.out.println(out);
    }
}
