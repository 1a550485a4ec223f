package com.lendingops.taskbridge.query;

import io.vertx.mutiny.sqlclient.Tuple;

/** A prepared SQL statement with its parameters, built from filters. */
record Statement(String sql, Tuple parameters) {
}
