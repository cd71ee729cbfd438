import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;

/**
 * The development and test database: mongo-java-server speaking the MongoDB wire protocol, stored in one H2 file.
 * Usage: java -cp "<libs>/*" MongoServerMain.java -listen 127.0.0.1:27017 -data <directory> [-cache-mb 256]
 *   [-durability process|fsync|second]
 * Durability (deploy/local/README.md has the measurements):
 * - process (default): every command's changes are written to the file before its reply is sent, so an acknowledged
 *   write survives a SIGKILL of this process (the OS keeps the written pages), not a power loss. The file only ever
 *   holds whole commands, so a document and its index entries are there together or not at all.
 * - fsync: as process, and the file is forced to the disk before the reply, so it survives a power loss too.
 * - second: H2's own background commit about once a second (the old behaviour), for comparison only: it loses the
 *   last second's writes and can store a command half-way (a document its `_id` index does not know).
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
    // Without the write buffer's limit no commit starts inside a map write once enough changes are unsaved (H2's
    // MVStore.beforeWrite), which would store that command and any other half-way: commits happen only between them.
    if (!durability.equals("second")) builder.autoCommitDisabled().autoCommitBufferSize(0);
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
   * returns), and only ever between commands. An MVStore commit takes every map as it is at that moment, and a
   * command writes several maps one after another (mongo-java-server's AbstractMongoCollection.addDocument puts the
   * document in the collection's map, then each index its key); a commit taken between those puts, by another
   * thread's command, stores a document that its `_id` index does not know, and a SIGKILL before the next commit
   * leaves it so (a lookup by `_id` misses it, an upsert of it fails). So every command runs holding the read lock of
   * a fair read-write lock (commands still run side by side) and a commit holds the write lock: it waits until no
   * command is half-way. One commit stores every write finished before it, so a writer whose write another thread's
   * commit already stored skips its own (group commit). Reads do not commit.
   */
  static final class CommittingH2Backend extends H2Backend {
    /** Commands that never write; any other command (including ones unknown here) is committed. */
    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "listCollections",
        "listIndexes", "listDatabases", "ping", "hello", "isMaster", "ismaster", "buildInfo", "buildinfo",
        "serverStatus", "dbStats", "collStats", "killCursors", "endSessions", "getParameter", "whatsmyuri");
    private final MVStore store;
    private final boolean fsync;
    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock(true);
    /** Writing commands finished so far, numbered in the order they finished. */
    private final AtomicLong writesFinished = new AtomicLong();
    /** The last finished write the file holds (and, with fsync, the disk); read and written under the write lock. */
    private long writesCommitted;

    CommittingH2Backend(MVStore store, String durability) {
      super(store);
      this.store = store;
      this.fsync = durability.equals("fsync");
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
      boolean read = READS.contains(command) || command.equals("aggregate") && !writesOut(query);
      long write = 0;
      commands.readLock().lock();
      try {
        return super.handleCommand(channel, databaseName, command, query);
      } finally {
        // Numbered even when the command failed: it may have written part of its work (an ordered insertMany up to a
        // duplicate key). Numbered before the read lock goes, so a commit that counts it finds it whole.
        if (!read) write = writesFinished.incrementAndGet();
        commands.readLock().unlock();
        // A command inside another (none is known) leaves the commit to the outer one: the write lock would wait on
        // this thread's own read lock.
        if (!read && commands.getReadHoldCount() == 0) commitThrough(write);
      }
    }

    /** Legacy OP_QUERY reads: under the read lock like every command, so no commit can fall inside one. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
      commands.readLock().lock();
      try {
        return super.handleQuery(query);
      } finally {
        commands.readLock().unlock();
      }
    }

    /** Closing (SIGTERM) commits too, so it also waits until no command is half-way; later commands find it closed. */
    @Override
    public void close() {
      commands.writeLock().lock();
      try {
        super.close();
      } finally {
        commands.writeLock().unlock();
      }
    }

    /** Commits (and with fsync forces) every write finished so far, unless a commit since `write` already did. */
    private void commitThrough(long write) {
      commands.writeLock().lock();
      try {
        if (writesCommitted >= write) return;
        long through = writesFinished.get();
        store.commit();
        if (fsync) store.sync();
        writesCommitted = through;
      } finally {
        commands.writeLock().unlock();
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
