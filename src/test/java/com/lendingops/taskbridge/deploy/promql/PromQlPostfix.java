package com.lendingops.taskbridge.deploy.promql;

import static com.lendingops.taskbridge.deploy.promql.ValueType.INSTANT_VECTOR;
import static com.lendingops.taskbridge.deploy.promql.ValueType.RANGE_VECTOR;

import com.lendingops.taskbridge.deploy.promql.PromQl.Node;
import com.lendingops.taskbridge.deploy.promql.PromQlLexer.Kind;

/** What may follow an operand: a range {@code [5m]}, a subquery {@code [1h:1m]}, {@code offset 5m}, {@code @ t}. */
final class PromQlPostfix {

    private PromQlPostfix() {
    }

    static Node postfix(PromQl parser, Node operand) {
        Node node = operand;
        boolean offsetSeen = false;
        boolean atSeen = false;
        while (true) {
            if (parser.peek().is("[")) {
                node = rangeOrSubquery(parser, node);
            } else if (parser.peek().isKeyword("offset")) {
                if (!node.offsetAllowed() || offsetSeen) {
                    throw parser.error("offset must follow a selector or subquery, once");
                }
                parser.next();
                if (parser.peek().is("-")) {
                    parser.next();
                }
                duration(parser);
                offsetSeen = true;
            } else if (parser.peek().is("@")) {
                if (!node.offsetAllowed() || atSeen) {
                    throw parser.error("@ must follow a selector or subquery, once");
                }
                parser.next();
                timestamp(parser);
                atSeen = true;
            } else {
                return node;
            }
        }
    }

    private static Node rangeOrSubquery(PromQl parser, Node node) {
        parser.next();
        duration(parser);
        if (parser.peek().is(":")) {
            parser.next();
            if (parser.peek().kind() == Kind.DURATION) {
                parser.next();
            }
            parser.expect("]");
            if (node.type() != INSTANT_VECTOR) {
                throw parser.error("subquery is only allowed on an instant vector, got " + node.type());
            }
            return new Node(RANGE_VECTOR, false, true);
        }
        parser.expect("]");
        if (!node.selector() || node.type() != INSTANT_VECTOR) {
            throw parser.error("ranges are only allowed for vector selectors");
        }
        return new Node(RANGE_VECTOR, false, true);
    }

    private static void duration(PromQl parser) {
        if (parser.peek().kind() != Kind.DURATION) {
            throw parser.error("expected a duration such as 5m");
        }
        parser.next();
    }

    private static void timestamp(PromQl parser) {
        if (parser.peek().kind() == Kind.NUMBER) {
            parser.next();
        } else if ((parser.peek().isKeyword("start") || parser.peek().isKeyword("end")) && parser.peek(1).is("(")) {
            parser.next();
            parser.expect("(");
            parser.expect(")");
        } else {
            throw parser.error("expected a timestamp, start() or end() after @");
        }
    }
}
