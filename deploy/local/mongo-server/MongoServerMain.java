import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The development and test database: mongo-java-server speaking the MongoDB wire protocol, stored in one H2 file.
 * Usage: java -cp "<libs>/*" MongoServerMain.java -listen 127.0.0.1:27017 -data <directory> [-cache-mb 256]
 * Writes reach the file about once a second (H2's default auto-commit delay); SIGTERM commits and closes the file first.
 */
public final class MongoServerMain {
  public static void main(String[] args) throws Exception {
    String listen = option(args, "-listen", "127.0.0.1:27017");
    Path data = Path.of(option(args, "-data", ".run/mongo-data")).toAbsolutePath();
    int cacheMb = Integer.parseInt(option(args, "-cache-mb", "256"));
    Files.createDirectories(data);
    MVStore store = new MVStore.Builder()
        .fileName(data.resolve("credit-bridge.mv").toString())
        .cacheSize(cacheMb)
        .open();
    H2Backend backend = new H2Backend(store);
    MongoServer server = new MongoServer(backend);
    int colon = listen.lastIndexOf(':');
    server.bind(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdownNow();
      backend.close();
    }));
    System.out.println("mongo-java-server listening on " + listen + ", data in " + data);
    Thread.currentThread().join();
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
    return fallback;
  }
}
