package com.lendingops.taskbridge.deploy.promql;

import static com.lendingops.taskbridge.deploy.promql.ValueType.INSTANT_VECTOR;

import com.lendingops.taskbridge.deploy.promql.PromQl.Node;
import com.lendingops.taskbridge.deploy.promql.PromQlLexer.Kind;
import com.lendingops.taskbridge.deploy.promql.PromQlLexer.Token;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Vector selectors: {@code name}, {@code name{l="v", ...}} or {@code {__name__="name", ...}} with =, !=, =~, !~.
 * As in Prometheus, a selector needs at least one matcher that does not match the empty string, regular
 * expressions must compile (fully anchored), and the name may be given only once.
 */
final class PromQlSelectors {

    private static final Set<String> MATCH_OPERATORS = Set.of("=", "!=", "=~", "!~");

    private PromQlSelectors() {
    }

    /** {@code name} is null for a selector that starts with a brace. */
    static Node selector(PromQl parser, String name) {
        boolean nonEmptyMatcher = name != null;
        String metricName = name;
        if (name != null) {
            parser.next();
        }
        if (parser.peek().is("{")) {
            parser.next();
            while (!parser.peek().is("}")) {
                Matcher matcher = matcher(parser);
                nonEmptyMatcher |= !matcher.matchesEmpty();
                if (matcher.label().equals("__name__") && matcher.op().equals("=")) {
                    if (metricName != null) {
                        throw parser.error("metric name given twice");
                    }
                    metricName = matcher.value();
                }
                if (!parser.peek().is(",")) {
                    break;
                }
                parser.next();
            }
            parser.expect("}");
        }
        if (!nonEmptyMatcher) {
            throw parser.error("vector selector must contain at least one matcher that does not match empty");
        }
        if (metricName != null) {
            parser.selected(metricName);
        }
        return new Node(INSTANT_VECTOR, true, true);
    }

    record Matcher(String label, String op, String value) {

        boolean matchesEmpty() {
            return switch (op) {
                case "=" -> value.isEmpty();
                case "!=" -> !value.isEmpty();
                case "=~" -> Pattern.matches(value, "");
                default -> !Pattern.matches(value, "");
            };
        }
    }

    private static Matcher matcher(PromQl parser) {
        Token label = parser.next();
        if (label.kind() != Kind.IDENT && label.kind() != Kind.STRING) {
            throw new PromQlException("expected a label name but found " + label, label.position());
        }
        Token op = parser.next();
        if (op.kind() != Kind.OPERATOR || !MATCH_OPERATORS.contains(op.text())) {
            throw new PromQlException("expected =, !=, =~ or !~ but found " + op, op.position());
        }
        Token value = parser.next();
        if (value.kind() != Kind.STRING) {
            throw new PromQlException("label values are quoted strings, found " + value, value.position());
        }
        if (op.text().endsWith("~")) {
            try {
                Pattern.compile(value.text());
            } catch (PatternSyntaxException e) {
                throw new PromQlException("bad regular expression " + value.text() + ": " + e.getDescription(),
                        value.position());
            }
        }
        return new Matcher(label.text(), op.text(), value.text());
    }
}
