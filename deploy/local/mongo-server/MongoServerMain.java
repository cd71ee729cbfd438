import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The development and test database: mongo-java-server speaking the MongoDB wire protocol, stored in one H2 file.
 * Usage: java -cp "<libs>/*" MongoServerMain.java -listen 127.0.0.1:27017 -data <directory> [-cache-mb 256]
 *   [-durability process|fsync|second]
 * Durability (deploy/local/README.md has the measurements):
 * - process (default): every command's changes are written to the file before its reply is sent, so an acknowledged
 *   write survives a SIGKILL of this process (the OS keeps the written pages), not a power loss.
 * - fsync: as process, and the file is forced to the disk before the reply, so it survives a power loss too.
 * - second: H2's own background commit about once a second (the old behaviour), for comparison only.
 * SIGTERM commits and closes the file in every mode.
 */
public final class MongoServerMain {
  public static void main(String[] args) throws Exception {
    String listen = option(args, "-listen", "127.0.0.1:27017");
    Path data = Path.of(option(args, "-data", ".run/mongo-data")).toAbsolutePath();
    int cacheMb = Integer.parseInt(option(args, "-cache-mb", "256"));
    String durability = option(args, "-durability", "process");
    if (!durability.matches("process|fsync|second")) throw new IllegalArgumentException("-durability " + durability);
    Files.createDirectories(data);
    MVStore.Builder builder = new MVStore.Builder().fileName(data.resolve("credit-bridge.mv").toString()).cacheSize(cacheMb);
    // Without H2's background writer every store happens on the thread that asks for it, so a commit that returns
    // has written everything before it; with the writer, a commit can find the changes taken but still queued.
    if (!durability.equals("second")) builder.autoCommitDisabled();
    MVStore store = builder.open();
    H2Backend backend = durability.equals("second") ? new H2Backend(store) : new CommittingH2Backend(store, durability);
    MongoServer server = new MongoServer(backend);
    int colon = listen.lastIndexOf(':');
    server.bind(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdownNow();
      backend.close();
    }));
    System.out.println("mongo-java-server listening on " + listen + ", data in " + data + ", durability " + durability);
    Thread.currentThread().join();
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
    return fallback;
  }

  /**
   * Commits the store after every command that may write, before its reply goes out (the server replies once this
   * returns). The commit is not skipped on an unlocked "unsaved changes?" check: another thread may be mid-way
   * writing this command's changes, and the commit's lock waits for that. Reads skip it: they have nothing to keep.
   */
  static final class CommittingH2Backend extends H2Backend {
    /** Commands that never write; any other command (including ones unknown here) is committed. */
    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "listCollections",
        "listIndexes", "listDatabases", "ping", "hello", "isMaster", "ismaster", "buildInfo", "buildinfo",
        "serverStatus", "dbStats", "collStats", "killCursors", "endSessions", "getParameter", "whatsmyuri");
    private final MVStore store;
    private final boolean fsync;

    CommittingH2Backend(MVStore store, String durability) {
      super(store);
      this.store = store;
      this.fsync = durability.equals("fsync");
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
      boolean read = READS.contains(command) || command.equals("aggregate") && !writesOut(query);
      try {
        return super.handleCommand(channel, databaseName, command, query);
      } finally {
        // Committed even when the command failed: it may have written part of its work (an ordered insertMany up to
        // a duplicate key). Forced even when another thread's commit wrote these changes: it may not have forced them.
        if (!read) {
          store.commit();
          if (fsync) store.sync();
        }
      }
    }

    private static boolean writesOut(Document aggregate) {
      Object pipeline = aggregate.get("pipeline");
      if (!(pipeline instanceof List<?> stages)) return true;
      for (Object stage : stages) {
        if (!(stage instanceof Document document) || document.containsKey("$out") || document.containsKey("$merge")) {
          return true;
        }
      }
      return false;
    }
  }
}
