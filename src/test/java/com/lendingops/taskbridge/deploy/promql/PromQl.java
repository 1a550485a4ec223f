package com.lendingops.taskbridge.deploy.promql;

import static com.lendingops.taskbridge.deploy.promql.ValueType.INSTANT_VECTOR;
import static com.lendingops.taskbridge.deploy.promql.ValueType.SCALAR;
import static com.lendingops.taskbridge.deploy.promql.ValueType.STRING;

import com.lendingops.taskbridge.deploy.promql.PromQlLexer.Kind;
import com.lendingops.taskbridge.deploy.promql.PromQlLexer.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recursive-descent PromQL parser for the alert rules, the dashboard and the autoscaler queries under deploy/: no
 * Java PromQL parser is available, and a typo in an alert expression otherwise shows up only when Prometheus
 * refuses the rule group. It covers the language those files use (functions, aggregations with by/without,
 * binary operators with precedence, bool, on/ignoring, group_left/group_right, range vectors, subqueries, offset,
 * {@code @}, the four label matchers, numbers, strings and durations) and Prometheus's parse-time type checks.
 * Selectors go to {@link PromQlSelectors}.
 */
public final class PromQl {

    /** What an expression is: its value type and the metric names it selects. */
    public record Parsed(ValueType type, Set<String> metricNames) {
    }

    /** An operand: its type, and whether it is a bare selector (a range or offset may follow). */
    record Node(ValueType type, boolean selector, boolean offsetAllowed) {

        static Node of(ValueType type) {
            return new Node(type, false, false);
        }
    }

    private static final List<Set<String>> LEVELS = List.of(Set.of("or"), Set.of("and", "unless"),
            Set.of("==", "!=", "<=", "<", ">=", ">"), Set.of("+", "-"), Set.of("*", "/", "%", "atan2"));
    private static final Set<String> COMPARISONS = LEVELS.get(2);

    private final List<Token> tokens;
    private final Set<String> metricNames = new TreeSet<>();
    private int index;

    private PromQl(String expression) {
        this.tokens = PromQlLexer.tokenize(expression);
    }

    /** Parses one expression; throws {@link PromQlException} where Prometheus would refuse it. */
    public static Parsed parse(String expression) {
        PromQl parser = new PromQl(expression);
        Node node = parser.expression(0);
        parser.expectEnd();
        return new Parsed(node.type(), Set.copyOf(parser.metricNames));
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        return tokens.get(index++);
    }

    Token expect(String punctuation) {
        if (!peek().is(punctuation)) {
            throw error("expected '" + punctuation + "'");
        }
        return next();
    }

    PromQlException error(String message) {
        return new PromQlException(message + " but found " + peek(), peek().position());
    }

    void selected(String metricName) {
        metricNames.add(metricName);
    }

    private void expectEnd() {
        if (peek().kind() != Kind.EOF) {
            throw error("unexpected token");
        }
    }

    /** Binary operators by precedence level, lowest first; all left-associative. */
    Node expression(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Node left = expression(level + 1);
        while (isOperator(peek(), LEVELS.get(level))) {
            String op = next().text().toLowerCase(Locale.ROOT);
            boolean bool = modifiers(op);
            Node right = expression(level + 1);
            left = binary(left, op, bool, right);
        }
        return left;
    }

    private static boolean isOperator(Token token, Set<String> ops) {
        return (token.kind() == Kind.OPERATOR && ops.contains(token.text()))
                || (token.kind() == Kind.IDENT && ops.contains(token.text().toLowerCase(Locale.ROOT)));
    }

    /** bool, on/ignoring(labels), group_left/group_right(labels); returns whether bool was given. */
    private boolean modifiers(String op) {
        boolean bool = false;
        if (peek().isKeyword("bool")) {
            if (!COMPARISONS.contains(op)) {
                throw error("bool modifier can only be used on comparison operators");
            }
            next();
            bool = true;
        }
        if (peek().isKeyword("on") || peek().isKeyword("ignoring")) {
            next();
            labelList();
            if (peek().isKeyword("group_left") || peek().isKeyword("group_right")) {
                if (LEVELS.get(0).contains(op) || LEVELS.get(1).contains(op)) {
                    throw error("no grouping allowed for set operator " + op);
                }
                next();
                if (peek().is("(")) {
                    labelList();
                }
            }
        } else if (peek().isKeyword("group_left") || peek().isKeyword("group_right")) {
            throw error("group_left/group_right need on() or ignoring() first");
        }
        return bool;
    }

    private Node binary(Node left, String op, boolean bool, Node right) {
        if (!left.type().isOperand() || !right.type().isOperand()) {
            throw error("binary operator " + op + " needs scalar or instant vector operands, got "
                    + left.type() + " and " + right.type());
        }
        boolean setOperator = LEVELS.get(0).contains(op) || LEVELS.get(1).contains(op);
        if (setOperator && (left.type() != INSTANT_VECTOR || right.type() != INSTANT_VECTOR)) {
            throw error("set operator " + op + " needs instant vectors on both sides");
        }
        if (COMPARISONS.contains(op) && left.type() == SCALAR && right.type() == SCALAR && !bool) {
            throw error("comparisons between scalars must use the bool modifier");
        }
        return Node.of(left.type() == SCALAR && right.type() == SCALAR ? SCALAR : INSTANT_VECTOR);
    }

    /** Unary sign binds looser than ^ (-2^2 is -4) and tighter than * and /. */
    private Node unary() {
        if (peek().is("-") || peek().is("+")) {
            next();
            Node operand = unary();
            if (!operand.type().isOperand()) {
                throw error("unary sign needs a scalar or instant vector");
            }
            return Node.of(operand.type());
        }
        Node base = PromQlPostfix.postfix(this, primary());
        if (peek().is("^")) {
            next();
            boolean bool = modifiers("^");
            return binary(base, "^", bool, unary());
        }
        return base;
    }

    private Node primary() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                next();
                return Node.of(SCALAR);
            }
            case STRING -> {
                next();
                return Node.of(STRING);
            }
            case DURATION -> throw error("a duration is not a number here");
            case IDENT -> {
                return identifier(token);
            }
            default -> {
                if (token.is("(")) {
                    next();
                    Node inner = expression(0);
                    expect(")");
                    return new Node(inner.type(), false, false);
                }
                if (token.is("{")) {
                    return PromQlSelectors.selector(this, null);
                }
                throw error("expected an expression");
            }
        }
    }

    private Node identifier(Token token) {
        String name = token.text();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("nan")) {
            next();
            return Node.of(SCALAR);
        }
        if (PromQlFunctions.isAggregation(lower) && (peek(1).is("(") || peek(1).isKeyword("by")
                || peek(1).isKeyword("without"))) {
            return PromQlCalls.aggregation(this);
        }
        if (peek(1).is("(")) {
            return PromQlCalls.function(this);
        }
        if (Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or",
                "unless", "atan2").contains(lower)) {
            throw error("keyword " + name + " is not an expression");
        }
        return PromQlSelectors.selector(this, name);
    }

    /** "(label, label, ...)" as after by, without, on, ignoring and group_left; a trailing comma is allowed. */
    void labelList() {
        expect("(");
        while (!peek().is(")")) {
            if (peek().kind() != Kind.IDENT && peek().kind() != Kind.STRING) {
                throw error("expected a label name");
            }
            next();
            if (!peek().is(",")) {
                break;
            }
            next();
        }
        expect(")");
    }
}
