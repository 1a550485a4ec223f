package com.lendingops.taskbridge.deploy.promql;

import static com.lendingops.taskbridge.deploy.promql.ValueType.INSTANT_VECTOR;

import com.lendingops.taskbridge.deploy.promql.PromQl.Node;
import com.lendingops.taskbridge.deploy.promql.PromQlFunctions.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Function calls, checked against their signatures, and aggregations with their by/without clause. */
final class PromQlCalls {

    private PromQlCalls() {
    }

    static Node function(PromQl parser) {
        String name = parser.next().text();
        Signature signature = PromQlFunctions.function(name)
                .orElseThrow(() -> parser.error("unknown function " + name));
        List<Node> args = arguments(parser);
        if (args.size() < signature.minArgs()
                || (!signature.variadic() && args.size() > signature.args().size())) {
            throw parser.error("wrong number of arguments to " + name + ": " + args.size());
        }
        for (int i = 0; i < args.size(); i++) {
            ValueType expected = signature.args().get(Math.min(i, signature.args().size() - 1));
            if (args.get(i).type() != expected) {
                throw parser.error("argument " + (i + 1) + " of " + name + " must be " + expected + ", got "
                        + args.get(i).type());
            }
        }
        return Node.of(signature.returns());
    }

    static Node aggregation(PromQl parser) {
        String op = parser.next().text().toLowerCase(Locale.ROOT);
        boolean grouped = grouping(parser);
        List<Node> args = arguments(parser);
        if (!grouped) {
            grouping(parser);
        } else if (parser.peek().isKeyword("by") || parser.peek().isKeyword("without")) {
            throw parser.error("by/without given twice");
        }
        ValueType parameter = PromQlFunctions.AGGREGATION_PARAMETER.get(op);
        int expected = parameter == null ? 1 : 2;
        if (args.size() != expected) {
            throw parser.error(op + " takes " + expected + " argument(s), got " + args.size());
        }
        if (parameter != null && args.get(0).type() != parameter) {
            throw parser.error("parameter of " + op + " must be " + parameter);
        }
        if (args.get(expected - 1).type() != INSTANT_VECTOR) {
            throw parser.error(op + " aggregates an instant vector, got " + args.get(expected - 1).type());
        }
        return Node.of(INSTANT_VECTOR);
    }

    private static boolean grouping(PromQl parser) {
        if (parser.peek().isKeyword("by") || parser.peek().isKeyword("without")) {
            parser.next();
            parser.labelList();
            return true;
        }
        return false;
    }

    private static List<Node> arguments(PromQl parser) {
        parser.expect("(");
        List<Node> args = new ArrayList<>();
        while (!parser.peek().is(")")) {
            args.add(parser.expression(0));
            if (!parser.peek().is(",")) {
                break;
            }
            parser.next();
        }
        parser.expect(")");
        return args;
    }

}
