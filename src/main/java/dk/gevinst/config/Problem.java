package dk.gevinst.config;

/** One validation error, located so an editor can jump to it: {@code file:line:column: message}. */
public record Problem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
