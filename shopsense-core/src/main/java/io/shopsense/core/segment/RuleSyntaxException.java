package io.shopsense.core.segment;

import java.util.Optional;

/**
 * A rule that cannot be read, with where and why. Errors in the text form, and JSON text that is not JSON at all,
 * carry the 1-based {@link #line()} and {@link #column()} of the offending character; errors in the structure of the
 * JSON form carry the {@link #jsonPointer()} of the offending value instead (line and column are then 0). The message
 * is the position followed by the {@link #reason()}: {@code line 2, column 14: expected a comparison operator after
 * 'rfm.monetary', found 'foo'}, or {@code at /and/1/op: unknown operator 'like'}.
 */
public final class RuleSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String jsonPointer;
  private final String reason;

  private RuleSyntaxException(int line, int column, String jsonPointer, String reason, String message) {
    super(message);
    this.line = line;
    this.column = column;
    this.jsonPointer = jsonPointer;
    this.reason = reason;
  }

  /** An error at a 1-based line and column of a text. */
  public static RuleSyntaxException at(int line, int column, String reason) {
    return new RuleSyntaxException(line, column, null, reason, "line " + line + ", column " + column + ": " + reason);
  }

  /** An error at a value of the JSON form, by its JSON pointer ({@code ""} is the whole document). */
  public static RuleSyntaxException atJson(String pointer, String reason) {
    return new RuleSyntaxException(0, 0, pointer, reason,
        "at " + (pointer.isEmpty() ? "the root" : pointer) + ": " + reason);
  }

  /** The 1-based line of the error, or 0 for an error in the structure of the JSON form. */
  public int line() {
    return line;
  }

  /** The 1-based column of the error (in UTF-16 units, a tab counting one), or 0 as {@link #line()}. */
  public int column() {
    return column;
  }

  /** The JSON pointer of the offending value for an error in the structure of the JSON form, else empty. */
  public Optional<String> jsonPointer() {
    return Optional.ofNullable(jsonPointer);
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }
}
