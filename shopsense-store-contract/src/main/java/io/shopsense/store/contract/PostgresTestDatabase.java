package io.shopsense.store.contract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for integration tests ({@code *IT}), as a JUnit 5 extension that gives each test class its own,
 * freshly created schema and drops it (and every schema made with {@link #newSchema()}) after the class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresTestDatabase PG = new PostgresTestDatabase();
 * ... JdbcStores.postgres(PG.url(), PG.user(), PG.password(), PG.schema()) ...
 * }</pre>
 *
 * <p>The server comes from the environment: {@code SHOPSENSE_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code SHOPSENSE_PG_USER} (default {@code postgres}),
 * {@code SHOPSENSE_PG_PASSWORD} (default empty). When the server cannot be reached the class's tests are skipped
 * (aborted) with a loud line on stderr, except under {@code CI=true}, where they fail: on CI an absent server is a
 * broken build, not a reason to pass.
 *
 * <p>Register it on a static field, so that it sees the class start and end. Needs the PostgreSQL JDBC driver on
 * the test class path (this module brings it). Thread-safe.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String DEFAULT_USER = "postgres";
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private final String url;
  private final String user;
  private final String password;
  private final List<String> schemas = new ArrayList<>();
  private volatile String prefix = "t";
  private volatile String schema;
  private volatile String unreachable;

  /** Reads the server's URL, user and password from the environment (see the class comment). */
  public PostgresTestDatabase() {
    this(env("SHOPSENSE_PG_URL", DEFAULT_URL), env("SHOPSENSE_PG_USER", DEFAULT_USER),
        env("SHOPSENSE_PG_PASSWORD", ""));
  }

  public PostgresTestDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    prefix = "t_" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "_");
    prefix = prefix.substring(0, Math.min(prefix.length(), 40));
    try (Connection c = connect()) {
      c.isValid(CONNECT_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      unreachable(context.getRequiredTestClass().getName(), e);
      return;
    }
    schema = newSchema();
  }

  /** Skips each test of the class while the server is unreachable, so that reports count them as skipped. */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (unreachable != null) {
      Assumptions.abort("skipped: " + unreachable);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    List<String> made;
    synchronized (schemas) {
      made = new ArrayList<>(schemas);
      schemas.clear();
    }
    if (made.isEmpty()) {
      return;
    }
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String name : made) {
        s.execute("drop schema if exists " + name + " cascade");
      }
    }
  }

  /** The JDBC URL of the server. */
  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The schema made for this test class: empty when the class starts (unless its tests fill it). */
  public String schema() {
    if (schema == null) {
      throw new IllegalStateException("register PostgresTestDatabase with @RegisterExtension on a static field");
    }
    return schema;
  }

  /**
   * Creates another empty schema with a unique name ({@code t_<class>_<random>}, lower case), dropped after the
   * class: for tests that each need storage of their own.
   */
  public String newSchema() {
    String name = newSchemaName();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("create schema " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + name + " at " + url + ": " + e.getMessage(), e);
    }
    return name;
  }

  /**
   * A unique schema name that does not exist yet, for tests of code that creates its schema itself; dropped after the
   * class if it exists by then.
   */
  public String newSchemaName() {
    String name = prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
    synchronized (schemas) {
      schemas.add(name);
    }
    return name;
  }

  /** A new connection to the server (the caller closes it); its search path is the server's default. */
  public Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (!password.isEmpty()) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    props.setProperty("ApplicationName", "shopsense-tests");
    return DriverManager.getConnection(url, props);
  }

  /** Whether {@code CI=true}: an unreachable server then fails the tests instead of skipping them. */
  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private void unreachable(String testClass, SQLException e) {
    String why = "PostgreSQL at " + url + " (user " + user + ") is unreachable: " + e.getMessage()
        + " [set SHOPSENSE_PG_URL, SHOPSENSE_PG_USER, SHOPSENSE_PG_PASSWORD]";
    if (onCi()) {
      throw new IllegalStateException("CI=true and " + why + " — " + testClass + " cannot run", e);
    }
    System.err.println("!!!!! POSTGRESQL TESTS SKIPPED: " + testClass + " did not run. " + why);
    unreachable = why;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
