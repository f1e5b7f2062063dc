package bedside.results.store;

import java.nio.file.Path;

/** Another live process (or this one) already has the embedded database's data folder open. */
public class DataDirectoryInUseException extends IllegalStateException {
    private final Path dataDir;

    public DataDirectoryInUseException(Path dataDir, String message) {
        super(message);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
