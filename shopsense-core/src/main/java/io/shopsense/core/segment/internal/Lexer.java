package io.shopsense.core.segment.internal;

import io.shopsense.core.segment.Rule;
import io.shopsense.core.segment.RuleSyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Splits a rule's text into tokens, skipping white space and {@code --} comments, and keeping positions. */
final class Lexer {
  private final String s;
  private final List<Token> tokens = new ArrayList<>();
  private int i;
  private int line = 1;
  private int lineStart;

  private Lexer(String s) {
    this.s = s;
  }

  /** The tokens of the text, ending with an {@link Token.Kind#END} token. */
  static List<Token> tokens(String text) {
    if (text.length() > Rule.MAX_LENGTH) {
      throw tooLong(text);
    }
    Lexer lexer = new Lexer(text);
    lexer.run();
    return lexer.tokens;
  }

  /** The error for a text longer than a rule may be, at its first character too many. */
  private static RuleSyntaxException tooLong(String s) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Rule.MAX_LENGTH; i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && s.charAt(i + 1) != '\n')) {
        line++;
        lineStart = i + 1;
      }
    }
    return RuleSyntaxException.at(line, Rule.MAX_LENGTH - lineStart + 1,
        "a rule has at most " + Rule.MAX_LENGTH + " characters, this one has " + s.length());
  }

  /** Whether a name may start with the character: an ASCII letter or {@code _}. */
  static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isWordPart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '.';
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (i >= s.length()) {
        tokens.add(new Token(Token.Kind.END, "", "", i, line, i - lineStart + 1));
        return;
      }
      int start = i;
      int column = i - lineStart + 1;
      int startLine = line;
      char c = s.charAt(i);
      if (c == '\'') {
        String value = string(column);
        tokens.add(new Token(Token.Kind.STRING, s.substring(start, i), value, start, startLine, column));
      } else if (isNameStart(c) || isDigit(c) || (c == '-' && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
        i++;
        while (i < s.length() && isWordPart(s.charAt(i))) {
          i++;
        }
        String word = s.substring(start, i);
        Token.Kind kind = isNameStart(c) ? Token.Kind.NAME : Token.Kind.NUMBER;
        tokens.add(new Token(kind, word, word, start, line, column));
      } else {
        String symbol = symbol(c, column);
        i += symbol.length();
        tokens.add(new Token(Token.Kind.SYMBOL, symbol, symbol, start, line, column));
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void skipSpaceAndComments() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        i += c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
        newLine();
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i++;
      } else if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-') {
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
          i++;
        }
      } else {
        return;
      }
    }
  }

  private void newLine() {
    line++;
    lineStart = i;
  }

  /** A quoted string from the opening quote at {@code i}, {@code ''} standing for one quote; its content. */
  private String string(int column) {
    int startLine = line;
    StringBuilder value = new StringBuilder();
    i++;
    while (true) {
      if (i >= s.length()) {
        throw RuleSyntaxException.at(startLine, column, "unterminated string: no closing quote");
      }
      char c = s.charAt(i);
      if (c == '\'') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          value.append('\'');
          i += 2;
          continue;
        }
        i++;
        return value.toString();
      }
      value.append(c);
      i++;
      if (c == '\n' || (c == '\r' && (i >= s.length() || s.charAt(i) != '\n'))) {
        newLine();
      }
    }
  }

  private String symbol(char c, int column) {
    char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
    switch (c) {
      case '(', ')', ',', '=':
        return String.valueOf(c);
      case '<':
        return next == '=' ? "<=" : next == '>' ? "<>" : "<";
      case '>':
        return next == '=' ? ">=" : ">";
      case '!':
        if (next == '=') {
          return "!=";
        }
        throw RuleSyntaxException.at(line, column, "unexpected character '!'; did you mean '!='?");
      default:
        throw RuleSyntaxException.at(line, column, "unexpected character " + (Character.isISOControl(c)
            || Character.isSurrogate(c) || Character.isWhitespace(c) ? String.format("U+%04X", (int) c) : "'" + c + "'")
            + (c == '"' ? "; strings are in single quotes" : ""));
    }
  }
}
