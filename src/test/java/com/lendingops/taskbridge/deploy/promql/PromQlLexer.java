package com.lendingops.taskbridge.deploy.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a PromQL expression into tokens. Durations ({@code 5m}, {@code 1h30m}, {@code 500ms}) are tokens of their
 * own, so a duration where a number belongs (or the reverse) is a parse error, as in Prometheus. Inside brackets
 * a colon separates range and step; elsewhere it belongs to a (recording rule) metric name.
 */
final class PromQlLexer {

    enum Kind { NUMBER, DURATION, STRING, IDENT, OPERATOR, PUNCT, EOF }

    record Token(Kind kind, String text, int position) {

        boolean is(String value) {
            return (kind == Kind.OPERATOR || kind == Kind.PUNCT) && text.equals(value);
        }

        boolean isKeyword(String keyword) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
        }

        @Override
        public String toString() {
            return kind == Kind.EOF ? "end of input" : "'" + text + "' at " + position;
        }
    }

    private static final Pattern DURATION = Pattern.compile("(?:[0-9]+(?:ms|s|m|h|d|w|y))+");
    private static final Pattern NUMBER = Pattern.compile(
            "0[xX][0-9a-fA-F]+|(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "=~", "!~", "+", "-", "*", "/",
            "%", "^", "<", ">", "=");
    private static final String PUNCTUATION = "(){}[],:@";

    private final String input;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int bracketDepth;

    private PromQlLexer(String input) {
        this.input = input;
    }

    static List<Token> tokenize(String input) {
        PromQlLexer lexer = new PromQlLexer(input);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipSpaceAndComments();
            if (pos >= input.length()) {
                tokens.add(new Token(Kind.EOF, "", pos));
                return;
            }
            char c = input.charAt(pos);
            if (c == '"' || c == '\'' || c == '`') {
                string(c);
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < input.length()
                    && Character.isDigit(input.charAt(pos + 1)))) {
                numberOrDuration();
            } else if (Character.isLetter(c) || c == '_' || (c == ':' && bracketDepth == 0)) {
                identifier();
            } else if (PUNCTUATION.indexOf(c) >= 0) {
                bracketDepth += c == '[' ? 1 : c == ']' ? -1 : 0;
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), pos++));
            } else {
                operator();
            }
        }
    }

    private void skipSpaceAndComments() {
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < input.length() && input.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private void string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < input.length() && input.charAt(pos) != quote) {
            char c = input.charAt(pos++);
            if (c == '\\' && quote != '`') {
                if (pos >= input.length()) {
                    break;
                }
                value.append(unescape(input.charAt(pos++), start));
            } else if (c == '\n' && quote != '`') {
                throw new PromQlException("unterminated string", start);
            } else {
                value.append(c);
            }
        }
        if (pos >= input.length()) {
            throw new PromQlException("unterminated string", start);
        }
        pos++;
        tokens.add(new Token(Kind.STRING, value.toString(), start));
    }

    private static String unescape(char c, int at) {
        return switch (c) {
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000b";
            case '\\', '"', '\'' -> String.valueOf(c);
            // as in Go (and Prometheus): a regex escape needs a doubled backslash, "\\." not "\."
            default -> throw new PromQlException("unknown escape sequence \\" + c, at);
        };
    }

    private void numberOrDuration() {
        Matcher duration = DURATION.matcher(input).region(pos, input.length());
        if (duration.lookingAt() && !identifierCharAt(duration.end())) {
            tokens.add(new Token(Kind.DURATION, duration.group(), pos));
            pos = duration.end();
            return;
        }
        Matcher number = NUMBER.matcher(input).region(pos, input.length());
        if (!number.lookingAt() || identifierCharAt(number.end())) {
            throw new PromQlException("bad number or duration", pos);
        }
        tokens.add(new Token(Kind.NUMBER, number.group(), pos));
        pos = number.end();
    }

    private boolean identifierCharAt(int index) {
        return index < input.length() && (Character.isLetterOrDigit(input.charAt(index)) || input.charAt(index) == '_');
    }

    private void identifier() {
        int start = pos;
        while (pos < input.length() && (Character.isLetterOrDigit(input.charAt(pos)) || input.charAt(pos) == '_'
                || (input.charAt(pos) == ':' && bracketDepth == 0))) {
            pos++;
        }
        tokens.add(new Token(Kind.IDENT, input.substring(start, pos), start));
    }

    private void operator() {
        for (String op : OPERATORS) {
            if (input.startsWith(op, pos)) {
                tokens.add(new Token(Kind.OPERATOR, op, pos));
                pos += op.length();
                return;
            }
        }
        throw new PromQlException("unexpected character '" + input.charAt(pos) + "'", pos);
    }
}
