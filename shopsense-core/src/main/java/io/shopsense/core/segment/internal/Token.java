package io.shopsense.core.segment.internal;

import java.util.Locale;

/**
 * One token of a rule's text.
 *
 * @param kind   what it is
 * @param text   the token as written (a string with its quotes)
 * @param value  a string's content, quotes undone; else the text
 * @param offset where it starts in the rule, 0-based
 * @param line   its line, 1-based
 * @param column its column, 1-based
 */
record Token(Kind kind, String text, String value, int offset, int line, int column) {

  enum Kind {
    /** A name or a dotted path: a keyword, a function, a field. */
    NAME,
    /** A quoted string. */
    STRING,
    /** A word starting with a digit or a minus: a number ({@code -4.5}) or a window ({@code 30d}), or neither. */
    NUMBER,
    /** {@code ( ) , = != <> < <= > >=}. */
    SYMBOL,
    /** The end of the rule. */
    END
  }

  /** Whether this is the name or symbol {@code s}; names in any case. */
  boolean is(String s) {
    return (kind == Kind.NAME && text.equalsIgnoreCase(s)) || (kind == Kind.SYMBOL && text.equals(s));
  }

  /** A name in lower case, for keywords and functions. */
  String lower() {
    return text.toLowerCase(Locale.ROOT);
  }

  /** The token for a message: {@code 'foo'}, {@code the string 'x'} or {@code the end of the rule}. */
  String describe() {
    return switch (kind) {
      case END -> "the end of the rule";
      case STRING -> "the string " + Spelling.shorten(text);
      default -> "'" + Spelling.shorten(text) + "'";
    };
  }

  int end() {
    return offset + text.length();
  }
}
