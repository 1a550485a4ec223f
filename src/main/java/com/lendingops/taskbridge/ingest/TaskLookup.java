package com.lendingops.taskbridge.ingest;

import com.lendingops.taskbridge.incs.IncsCallException;
import com.lendingops.taskbridge.incs.IncsTaskView;

/** Result of looking up whether an earlier attempt created the task after all. */
public sealed interface TaskLookup {

    /** It did: adopt this task. */
    record Found(IncsTaskView task) implements TaskLookup {
    }

    /** No task of this request exists: it is safe to send the request again. */
    record NotFound() implements TaskLookup {
    }

    /** incs could not be asked; nothing may be sent until it can. */
    record Failed(IncsCallException cause) implements TaskLookup {
    }
}
