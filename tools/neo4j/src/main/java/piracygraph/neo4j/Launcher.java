package piracygraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts one Neo4j community DBMS with Bolt on 127.0.0.1, prints its Bolt URI on standard
 * output once it answers, and stops when its parent process ends (or on SIGTERM / SIGINT).
 *
 * <pre>
 * java -jar target/neo4j-launcher.jar [--port N] [--data-dir DIR] [--pagecache BYTES]
 * </pre>
 *
 * Port 0 (the default) takes a free port. Without --data-dir the data lives in a new
 * temporary directory, deleted on exit. With NEO4J_LAUNCHER_PASSWORD in the environment the
 * user "neo4j" needs that password; without it, authentication is off.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        // Taken first: if the parent died before the watch began, we would see our new
        // parent (init) instead, and never stop.
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        Options options = Options.parse(args);
        boolean throwaway = options.dataDir == null;
        Path home = throwaway ? Files.createTempDirectory("piracy-graph-neo4j-") : options.dataDir;
        String password = System.getenv("NEO4J_LAUNCHER_PASSWORD");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(settings(options, password != null && !password.isEmpty()))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(dbms, throwaway ? home : null);
            stopped.countDown();
        }, "neo4j-launcher-shutdown"));

        if (password != null && !password.isEmpty()) {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        }
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        int port = system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();

        watchParent(parent);
        System.out.println("bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static Map<Setting<?>, Object> settings(Options options, boolean auth) {
        Map<Setting<?>, Object> config = new HashMap<>();
        config.put(BoltConnector.enabled, true);
        config.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.port));
        config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        config.put(HttpConnector.enabled, false);
        config.put(GraphDatabaseSettings.auth_enabled, auth);
        config.put(GraphDatabaseSettings.pagecache_memory, options.pagecache);
        // A closed network: no usage report to send.
        config.put(GraphDatabaseSettings.udc_enabled, false);
        return config;
    }

    /** Exits (running the shutdown hook) once the process that started us is gone. */
    private static void watchParent(ProcessHandle parent) {
        if (parent == null) {
            return;
        }
        Thread watcher = new Thread(() -> {
            parent.onExit().join();
            System.exit(0);
        }, "neo4j-launcher-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void stop(DatabaseManagementService dbms, Path throwawayHome) {
        try {
            dbms.shutdown();
        } finally {
            if (throwawayHome != null) {
                deleteTree(throwawayHome);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("neo4j-launcher: could not delete " + root + ": " + e.getMessage());
        }
    }

    private record Options(int port, Path dataDir, long pagecache) {

        static Options parse(String[] args) {
            int port = 0;
            Path dataDir = null;
            long pagecache = 256L * 1024 * 1024;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(required(args[i], value));
                    case "--data-dir" -> dataDir = Path.of(required(args[i], value));
                    case "--pagecache" -> pagecache = Long.parseLong(required(args[i], value));
                    default -> usage("unknown option " + args[i]);
                }
                i++;
            }
            return new Options(port, dataDir, pagecache);
        }

        private static String required(String option, String value) {
            if (value == null) {
                usage(option + " needs a value");
            }
            return value;
        }

        private static void usage(String problem) {
            System.err.println("neo4j-launcher: " + problem);
            System.err.println("usage: java -jar neo4j-launcher.jar [--port N] [--data-dir DIR] [--pagecache BYTES]");
            System.exit(2);
        }
    }
}
