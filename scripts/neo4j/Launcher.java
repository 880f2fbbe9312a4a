import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;

/**
 * A Neo4j for tests and development: embedded Neo4j with Bolt on 127.0.0.1 and auth off. Runs as a single
 * source file (scripts/neo4j/server.ts compiles it once and caches the class, since javac costs seconds):
 *
 *   java -cp "$(cat cp.txt)" Launcher.java --port 7687 --data .neo4j/7687/data [--parent-pid N] [--keep-data] [--pagecache-mb N]
 *
 * The data directory is wiped before start and deleted on exit, so every run is fresh and no stale store lock
 * survives; --keep-data keeps it across a restart (tests that kill Neo4j mid-write and check what survived).
 * --parent-pid makes it exit when that process is gone, so a crashed test run leaves no server behind.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        Integer port = null;
        Path dataDir = null;
        Long parentPid = null;
        boolean keepData = false;
        long pageCacheMb = 256;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--parent-pid" -> parentPid = Long.parseLong(args[++i]);
                case "--keep-data" -> keepData = true;
                case "--pagecache-mb" -> pageCacheMb = Long.parseLong(args[++i]);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (port == null || dataDir == null) usage("--port and --data are required");

        if (!keepData) deleteRecursively(dataDir);
        Files.createDirectories(dataDir);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // 256 MB unless told otherwise: several instances share a 2-core machine with the test runners.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .build();

        Path finalDataDir = dataDir;
        boolean deleteOnExit = !keepData;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            if (deleteOnExit) {
                try {
                    deleteRecursively(finalDataDir);
                } catch (IOException e) {
                    System.err.println("could not delete " + finalDataDir + ": " + e.getMessage());
                }
            }
        }, "neo4j-shutdown"));

        if (parentPid != null) {
            long watched = parentPid;
            Thread watchdog = new Thread(() -> {
                ProcessHandle.of(watched).ifPresent(parent -> parent.onExit().join());
                System.err.println("parent process " + watched + " is gone; stopping Neo4j");
                System.exit(0);
            }, "parent-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        System.out.println("Neo4j " + Version.getNeo4jVersion() + " ready on bolt://127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join(); // serve until SIGTERM runs the shutdown hook
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: Launcher --port N --data DIR [--parent-pid N] [--keep-data] [--pagecache-mb N]");
        System.exit(2);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
