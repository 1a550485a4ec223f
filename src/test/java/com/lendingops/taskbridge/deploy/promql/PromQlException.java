package com.lendingops.taskbridge.deploy.promql;

/** An expression Prometheus would refuse, with the character position where the parser gave up. */
public final class PromQlException extends RuntimeException {

    public PromQlException(String message, int position) {
        super(message + " (at character " + position + ")");
    }
}
