package com.lendingops.taskbridge.deploy.promql;

/** PromQL value types, checked at parse time as Prometheus does (rate() of an instant vector is refused). */
public enum ValueType {
    SCALAR, INSTANT_VECTOR, RANGE_VECTOR, STRING;

    /** Operand types binary operators accept. */
    boolean isOperand() {
        return this == SCALAR || this == INSTANT_VECTOR;
    }
}
