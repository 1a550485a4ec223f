package com.lendingops.taskbridge.mapping;

import com.lendingops.taskbridge.config.IncsConfig;
import com.lendingops.taskbridge.config.IngestConfig;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import com.lendingops.taskbridge.incs.CreateTaskCommand.Order;
import com.lendingops.taskbridge.incs.CreateTaskCommand.TaskModuleInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Maps a collection event to the body of POST /external/tasks, field by field as the incs document
 * shows it. Pure: the same event, assignee and settings always give the same request. Values that would
 * have to be cut or guessed are rejected instead.
 */
@ApplicationScoped
public class TaskCommandMapper {

    /** incs limit for name and description, counted in Unicode code points. */
    public static final int MAX_TEXT_CODE_POINTS = 256;
    /** Width of task_request.assignee. */
    public static final int MAX_ASSIGNEE_LENGTH = 128;

    private final MappingSettings settings;
    private final IncsDates dates;

    @Inject
    public TaskCommandMapper(IncsConfig incs, IngestConfig ingest) {
        this(new MappingSettings(incs.authId(), incs.moduleId().filter(id -> !id.isBlank()), incs.timeZone(),
                incs.defaultCountryCode(), ingest.nameTemplate(), ingest.descriptionTemplate()));
    }

    public TaskCommandMapper(MappingSettings settings) {
        this.settings = settings;
        this.dates = new IncsDates(settings.zone());
    }

    /** The phone as incs wants it, or empty when it is not a valid number. */
    public Optional<String> phoneOf(CollectionEvent event) {
        return PhoneNumbers.normalise(event.customerPhone(), settings.defaultCountryCode());
    }

    public MappingResult map(CollectionEvent event, String assignee) {
        var phone = phoneOf(event);
        if (phone.isEmpty()) {
            return new MappingResult.Invalid(Rejection.INVALID_PHONE,
                    "customer.phone is not a number of " + PhoneNumbers.MIN_DIGITS + "-" + PhoneNumbers.MAX_DIGITS
                            + " digits with a country code");
        }
        Long authId = event.authId() != null ? event.authId() : settings.defaultAuthId().orElse(null);
        if (authId == null) {
            return new MappingResult.Invalid(Rejection.MISSING_AUTH_ID, "no auth_id in the event and none configured");
        }
        if (assignee == null || assignee.isBlank()) {
            return new MappingResult.Invalid(Rejection.MISSING_ASSIGNEE,
                    "no assignee in the event and the assignment policy has no candidate");
        }
        if (assignee.length() > MAX_ASSIGNEE_LENGTH) {
            return new MappingResult.Invalid(Rejection.ASSIGNEE_TOO_LONG, "assignee is longer than 128 characters");
        }
        String name = present(event.taskName()) ? event.taskName() : fill(settings.nameTemplate(), event);
        if (tooLong(name)) {
            return new MappingResult.Invalid(Rejection.NAME_TOO_LONG, "task name is longer than 256 characters");
        }
        String description = present(event.taskDescription()) ? event.taskDescription()
                : fill(settings.descriptionTemplate(), event);
        if (tooLong(description)) {
            return new MappingResult.Invalid(Rejection.DESCRIPTION_TOO_LONG,
                    "task description is longer than 256 characters");
        }
        try {
            return new MappingResult.Mapped(new CreateTaskCommand(name, description.isEmpty() ? null : description,
                    CreateTaskCommand.MESSAGE_TASK, authId, phone.get(), event.customerName(), assignee,
                    moduleInfo(event)));
        } catch (InvalidValue e) {
            return new MappingResult.Invalid(e.reason, e.getMessage());
        }
    }

    private TaskModuleInfo moduleInfo(CollectionEvent event) {
        if (settings.moduleId().isEmpty() || (event.orders().isEmpty() && event.totalAmount() == null)) {
            return null;
        }
        String total = event.totalAmount() == null ? ""
                : decimal(event.totalAmount(), "total_amount").setScale(2, RoundingMode.HALF_UP).toPlainString();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < event.orders().size(); i++) {
            orders.add(order(event.orders().get(i), "orders[" + i + "]"));
        }
        return new TaskModuleInfo(settings.moduleId().get(), total, orders);
    }

    private Order order(CollectionEvent.OrderLine line, String at) {
        return new Order(orEmpty(line.orderNumber()), orEmpty(line.borrowerName()), orEmpty(line.borrowerPhone()),
                amount(line.loanAmount(), at + ".loan_amount"), amount(line.dueAmount(), at + ".due_amount"),
                date(() -> dates.dueDate(line.nextDueDate()), at + ".next_due_date"),
                date(() -> dates.dateTime(line.loanConfirmedAt()), at + ".loan_confirmed_at"));
    }

    private static String amount(String value, String field) {
        return value == null ? "" : decimal(value, field).toPlainString();
    }

    private static BigDecimal decimal(String value, String field) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValue(Rejection.INVALID_AMOUNT, field + " is not a decimal number");
        }
        if (!Amounts.inRange(amount)) {
            // "1e-999999999" would be a billion digits once written out or rounded
            throw new InvalidValue(Rejection.INVALID_AMOUNT, field + " is out of range");
        }
        return amount;
    }

    private static String date(Supplier<String> conversion, String field) {
        try {
            return conversion.get();
        } catch (DateTimeException e) {
            throw new InvalidValue(Rejection.INVALID_DATE, field + " is not an ISO-8601 date or date-time");
        }
    }

    private static String fill(String template, CollectionEvent event) {
        return template.replace("{case_id}", event.caseId())
                .replace("{event_id}", event.eventId())
                .replace("{customer_name}", orEmpty(event.customerName()));
    }

    private static boolean tooLong(String text) {
        return text.codePointCount(0, text.length()) > MAX_TEXT_CODE_POINTS;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** A field value the request cannot carry; becomes {@link MappingResult.Invalid}. */
    private static final class InvalidValue extends RuntimeException {
        private final Rejection reason;

        InvalidValue(Rejection reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
