package com.lendingops.taskbridge.incs;

import java.util.Optional;

/**
 * A list call for a claimant that was not written: no rate slot came before the caller's send-by instant (the end
 * of its claim), so nothing reached incs. Not a failure of incs nor of the query; the caller looks again on its
 * next claim, without a growing backoff.
 */
public class IncsCallNotSentException extends IncsCallException {

    public IncsCallNotSentException(String reason) {
        super("list call not sent: " + reason, false, Optional.empty(), null);
    }
}
