package io.shopsense.server.cli;

import io.shopsense.api.access.ConsoleRole;
import io.shopsense.api.access.ConsoleUser;
import io.shopsense.core.access.ConsoleUserService;
import io.shopsense.core.access.PasswordPolicy;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.identity.PersonIds;
import io.shopsense.platform.Platform;
import io.shopsense.server.config.SecurityProperties;
import io.shopsense.server.security.Argon2Hasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Console users, straight in a data directory no server is using: how the first admin comes to be. The password is
 * read from the terminal (twice) or from standard input, never from the command line, where other users of the
 * machine could see it.
 */
@Command(name = "users", description = "Add, list console users and reset passwords in a data directory (offline).",
    subcommands = {UsersCommand.Add.class, UsersCommand.Passwd.class, UsersCommand.ListUsers.class})
public class UsersCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** The data directory of a users command. */
  static class DataDir {
    @Option(names = "--data-dir", description = "the data directory (default: ${DEFAULT-VALUE}); no server may be "
        + "running on it", defaultValue = "./data")
    Path dataDir;

    Platform open() {
      try {
        return Platform.open(OfflinePlatform.settings(dataDir), Clock.systemUTC(), PersonIds.random(),
            IngestListener.NONE);
      } catch (IllegalStateException e) {
        throw new CliException("cannot open " + dataDir + " (" + e.getMessage() + "); is a server running on it? "
            + "Then use /v1/users with an admin key.");
      }
    }

    ConsoleUserService users(Platform platform) {
      SecurityProperties security = OfflinePlatform.binder(dataDir)
          .bindOrCreate("shopsense.security", SecurityProperties.class);
      return new ConsoleUserService(platform.stores().consoleUsers(), platform.stores().consoleSessions(),
          new Argon2Hasher(security.password()), new PasswordPolicy(security.password().minLength()),
          platform.clock());
    }
  }

  @Command(name = "add", description = "Add a console user (the password is asked for, or read from stdin).")
  static class Add implements Runnable {
    @picocli.CommandLine.Mixin
    DataDir dir;

    @Parameters(paramLabel = "USERNAME")
    String username;

    @Option(names = "--roles", required = true, split = ",",
        description = "admin, marketer, analyst, privacy_officer")
    String[] roles;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Override
    public void run() {
      Set<ConsoleRole> set = EnumSet.noneOf(ConsoleRole.class);
      try {
        Arrays.stream(roles).forEach(r -> set.add(ConsoleRole.fromWire(r)));
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage());
      }
      char[] password = passwordStdin ? fromStdin() : fromConsole();
      try (Platform platform = dir.open()) {
        ConsoleUser user = dir.users(platform).create(username, set, java.nio.CharBuffer.wrap(password));
        System.out.println("added " + user.username() + " with roles " + user.roles().stream()
            .map(ConsoleRole::wireName).sorted().toList());
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new CliException(e.getMessage());
      } finally {
        Arrays.fill(password, '\0');
      }
    }

    static char[] fromStdin() {
      try {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
          throw new CliException("no password on standard input");
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static char[] fromConsole() {
      Console console = System.console();
      if (console == null) {
        throw new CliException("no terminal to ask for the password; use --password-stdin");
      }
      char[] first = console.readPassword("password: ");
      char[] second = console.readPassword("again: ");
      if (first == null || !Arrays.equals(first, second)) {
        throw new CliException("the passwords differ");
      }
      return first;
    }
  }

  @Command(name = "passwd", description = "Set a new password for a user (signs them out); for a forgotten admin "
      + "password.")
  static class Passwd implements Runnable {
    @picocli.CommandLine.Mixin
    DataDir dir;

    @Parameters(paramLabel = "USERNAME")
    String username;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Override
    public void run() {
      char[] password = passwordStdin ? Add.fromStdin() : Add.fromConsole();
      try (Platform platform = dir.open()) {
        ConsoleUser user = dir.users(platform).changePassword(username, java.nio.CharBuffer.wrap(password));
        System.out.println("set a new password for " + user.username() + "; their sessions have ended");
      } catch (ConsoleUserService.NoSuchUserException e) {
        throw new CliException("no user " + username);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new CliException(e.getMessage());
      } finally {
        Arrays.fill(password, '\0');
      }
    }
  }

  @Command(name = "list", description = "List console users (never their passwords).")
  static class ListUsers implements Runnable {
    @picocli.CommandLine.Mixin
    DataDir dir;

    @Override
    public void run() {
      try (Platform platform = dir.open()) {
        List<List<String>> rows = new ArrayList<>();
        for (ConsoleUser u : platform.stores().consoleUsers().all()) {
          rows.add(List.of(u.username(), u.roles().stream().map(ConsoleRole::wireName).sorted().toList().toString(),
              u.enabled() ? "yes" : "no", u.createdAt().toString()));
        }
        System.out.print(Tables.render(List.of("username", "roles", "enabled", "created"), rows));
      }
    }
  }
}
