package com.lendingops.taskbridge.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies for the simulator's tests, starting from the documented example. */
final class TaskRequests {

    /** The request example of the incs document (seed-task-api.zh.txt), comments removed. */
    static final String DOCUMENTED_EXAMPLE = """
            {
              "name": "by api",
              "type": 3,
              "auth_id": 30058,
              "description": "123",
              "user_name": "路人A",
              "user_phone": "6281512345678",
              "assignee_username": "incs_1",
              "task_module_info": {
                "module_id": "019d3dcd-f5a8-70e7-aff8-c54bde267f38",
                "total_amount": "20000.00",
                "orders": [
                  {"order_number": "WD20260401001", "username": "张三", "phone_number": "13800138000",
                   "loan_amount": "", "due_amount": "", "next_due_date": "2026-04-15",
                   "confirm_loan_time": "2026-03-01 10:00:00"},
                  {"order_number": "WD20260401002", "username": "李四", "phone_number": "13900139000",
                   "loan_amount": "3000", "due_amount": "1500", "next_due_date": "2026-04-20",
                   "confirm_loan_time": "2026-03-10 14:30:00"}
                ]
              }
            }
            """;

    private TaskRequests() {
    }

    static ObjectNode documentedExample() {
        try {
            return (ObjectNode) Json.MAPPER.readTree(DOCUMENTED_EXAMPLE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documented example for another phone. */
    static ObjectNode forPhone(String phone) {
        return documentedExample().put("user_phone", phone);
    }
}
