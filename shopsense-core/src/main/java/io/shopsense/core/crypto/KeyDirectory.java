package io.shopsense.core.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key ring on disk, outside the data store: {@code keyring.json} holds the data keys and the pseudonym key, each
 * wrapped (AES-256-GCM) by the master key; the master key is {@code master.key} beside it (owner-only permissions) or
 * comes from the environment. Opening creates both on first use. No key ever goes to the database or the log.
 *
 * <p>Rotation of a data key adds a new primary key and keeps the old ones (they still open what they sealed; the
 * re-encryption job moves values off them). Rotation of the master key re-wraps every key of the ring under a new
 * master key; with a file master key the new key is staged as {@code master.key.next} before the ring is rewritten,
 * so a crash at any point leaves a ring that one of the two files opens, and the next open finishes the switch.
 * Writes are atomic (a temporary file moved into place). Thread-safe; one process should rotate at a time.
 */
public final class KeyDirectory {
  static final String RING = "keyring.json";
  static final String MASTER = "master.key";
  static final String MASTER_NEXT = "master.key.next";
  private static final System.Logger LOG = System.getLogger(KeyDirectory.class.getName());

  private final Path dir;
  private final Clock clock;
  private final boolean masterFromEnvironment;
  private MasterKey master;
  private volatile KeyRing ring;

  private KeyDirectory(Path dir, Clock clock, boolean masterFromEnvironment, MasterKey master, KeyRing ring) {
    this.dir = dir;
    this.clock = clock;
    this.masterFromEnvironment = masterFromEnvironment;
    this.master = master;
    this.ring = ring;
  }

  /** Opens the ring in {@code settings.keyDir()}, creating the directory, the master key file and the ring if absent. */
  public static KeyDirectory open(CryptoSettings settings, Clock clock) {
    Path dir = settings.keyDir().toAbsolutePath().normalize();
    try {
      createPrivateDirectory(dir);
      boolean fromEnv = settings.masterKey() != null && !settings.masterKey().isBlank();
      Path ringFile = dir.resolve(RING);
      MasterKey master = fromEnv ? MasterKey.fromBase64(settings.masterKey()) : null;
      if (!Files.exists(ringFile)) {
        if (master == null) {
          if (Files.exists(dir.resolve(MASTER))) {
            master = MasterKey.fromBase64(Files.readString(dir.resolve(MASTER)));
          } else {
            master = MasterKey.generate();
            writePrivate(dir.resolve(MASTER), master.toBase64());
          }
        }
        KeyRing fresh = KeyRing.generate(clock.instant());
        writePrivate(ringFile, JsonCodec.mapper().writerWithDefaultPrettyPrinter()
            .writeValueAsString(toJson(fresh, master)));
        LOG.log(System.Logger.Level.INFO, "created a new key ring in " + dir);
        return new KeyDirectory(dir, clock, fromEnv, master, fresh);
      }
      JsonNode json = JsonCodec.parse(Files.readString(ringFile));
      String wantedId = json.path("masterKeyId").asText();
      if (master == null) {
        master = fileMaster(dir, wantedId);
      } else if (!master.id().equals(wantedId)) {
        throw new IllegalStateException("SHOPSENSE_MASTER_KEY is not the master key that wrapped the key ring in "
            + dir + " (its id is " + master.id() + ", the ring wants " + wantedId + ")");
      }
      return new KeyDirectory(dir, clock, fromEnv, master, fromJson(json, master));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the key directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The master key file that opens the ring; finishes a master-key rotation a crash interrupted. */
  private static MasterKey fileMaster(Path dir, String wantedId) throws IOException {
    Path file = dir.resolve(MASTER);
    Path next = dir.resolve(MASTER_NEXT);
    if (Files.exists(next)) {
      MasterKey staged = MasterKey.fromBase64(Files.readString(next));
      if (staged.id().equals(wantedId)) {
        move(next, file);
        return staged;
      }
      Files.delete(next); // the ring was never rewritten under it
    }
    if (!Files.exists(file)) {
      throw new IllegalStateException("the key ring in " + dir + " has no master key: neither " + MASTER
          + " nor SHOPSENSE_MASTER_KEY; without it nothing sealed can be read");
    }
    MasterKey m = MasterKey.fromBase64(Files.readString(file));
    if (!m.id().equals(wantedId)) {
      throw new IllegalStateException(MASTER + " in " + dir + " is not the master key that wrapped the key ring");
    }
    return m;
  }

  /** The current keys. */
  public KeyRing ring() {
    return ring;
  }

  /** The cipher over this ring; it reloads the ring from disk when a value names a key it does not know yet. */
  public EnvelopeCipher cipher() {
    return new EnvelopeCipher(this::ring, this::reload);
  }

  public Pseudonymizer pseudonymizer() {
    return new Pseudonymizer(ring);
  }

  /** Makes a new data key the primary one and writes the ring; returns the new ring. */
  public synchronized KeyRing rotateDataKey() {
    KeyRing next = ring.rotate(clock.instant());
    write(next, master);
    ring = next;
    LOG.log(System.Logger.Level.INFO, "data key " + next.primaryId() + " is now primary");
    return next;
  }

  /**
   * Re-wraps every key of the ring under a new master key. With a file master key, {@code newMasterKey} may be null
   * (a random one is made and stored); with the environment's key, give the new key (Base64) and set it as
   * {@code SHOPSENSE_MASTER_KEY} before the next start. Returns the new master key's id.
   */
  public synchronized String rotateMasterKey(String newMasterKey) {
    if (masterFromEnvironment && (newMasterKey == null || newMasterKey.isBlank())) {
      throw new IllegalArgumentException("the master key comes from SHOPSENSE_MASTER_KEY: give the new master key");
    }
    MasterKey next = newMasterKey == null || newMasterKey.isBlank() ? MasterKey.generate()
        : MasterKey.fromBase64(newMasterKey);
    try {
      if (!masterFromEnvironment) {
        writePrivate(dir.resolve(MASTER_NEXT), next.toBase64());
      }
      write(ring, next);
      if (!masterFromEnvironment) {
        move(dir.resolve(MASTER_NEXT), dir.resolve(MASTER));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rotate the master key in " + dir + ": " + e.getMessage(), e);
    }
    master = next;
    LOG.log(System.Logger.Level.INFO, "the key ring is now wrapped by master key " + next.id());
    return next.id();
  }

  /** Reads the ring again (another process may have rotated it). */
  synchronized void reload() {
    try {
      JsonNode json = JsonCodec.parse(Files.readString(dir.resolve(RING)));
      if (json.path("masterKeyId").asText().equals(master.id())) {
        ring = fromJson(json, master);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key ring in " + dir + ": " + e.getMessage(), e);
    }
  }

  public KeyStatus status() {
    KeyRing r = ring;
    return new KeyStatus(dir.toString(), masterFromEnvironment ? "environment" : "file", master.id(), r.primaryId(),
        r.dataKeys().stream().map(k -> new KeyStatus.DataKeyInfo(k.id(), k.createdAt())).toList());
  }

  private void write(KeyRing r, MasterKey m) {
    try {
      writePrivate(dir.resolve(RING), JsonCodec.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(toJson(r, m)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key ring in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode toJson(KeyRing r, MasterKey m) {
    ObjectNode root = JsonCodec.mapper().createObjectNode();
    root.put("format", 1);
    root.put("masterKeyId", m.id());
    root.put("primary", r.primaryId());
    ArrayNode keys = root.putArray("dataKeys");
    for (DataKey k : r.dataKeys()) {
      keys.addObject().put("id", k.id()).put("createdAt", k.createdAt().toString())
          .put("wrapped", m.wrap(k.key().getEncoded(), "data key " + k.id()));
    }
    root.put("pseudonymKey", m.wrap(r.pseudonymKey(), "pseudonym key"));
    return root;
  }

  private static KeyRing fromJson(JsonNode json, MasterKey m) {
    if (json.path("format").asInt() != 1) {
      throw new IllegalStateException("unknown key ring format " + json.path("format"));
    }
    Map<Integer, DataKey> keys = new TreeMap<>();
    for (JsonNode k : json.path("dataKeys")) {
      int id = k.path("id").asInt();
      keys.put(id, new DataKey(id, new SecretKeySpec(m.unwrap(k.path("wrapped").asText(), "data key " + id), "AES"),
          Instant.parse(k.path("createdAt").asText())));
    }
    return new KeyRing(keys, json.path("primary").asInt(), m.unwrap(json.path("pseudonymKey").asText(),
        "pseudonym key"));
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (posix()) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Writes owner-only, durably, and atomically (a temporary file moved over the target). */
  private static void writePrivate(Path target, String text) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (posix()) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
    }
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    move(tmp, target);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
