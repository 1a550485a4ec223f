package com.lendingops.taskbridge.incs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Body of POST /external/tasks ("create and assign task"), field for field as incs documents it.
 * Absent optional fields are omitted rather than sent as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateTaskCommand(String name, String description, int type, long authId, String userPhone,
                                String userName, String assigneeUsername, TaskModuleInfo taskModuleInfo) {

    /** incs task type for message tasks: the only type this service creates. */
    public static final int MESSAGE_TASK = 3;

    /** The custom panel shown beside the chat; every value is a string. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskModuleInfo(String moduleId, String totalAmount, List<Order> orders) {
    }

    /** One loan order in the panel; amounts may be "" but never null. */
    public record Order(String orderNumber, String username, String phoneNumber, String loanAmount,
                        String dueAmount, String nextDueDate, String confirmLoanTime) {
    }
}
