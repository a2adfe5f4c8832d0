package ru.spobridge.routes.config.region;

/** A region file that cannot be read: which file, which line (0 when unknown) and what is wrong, in Russian. */
public class RegionFileException extends RuntimeException {

    private final String file;
    private final int line;

    public RegionFileException(String file, int line, String message) {
        super(file + (line > 0 ? ", строка " + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
