package com.lendingops.taskbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.lendingops.taskbridge.incs.CreateTaskCommand;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskCommandMapperTest {

    private static final String MODULE_ID = "019d3dcd-f5a8-70e7-aff8-c54bde267f38";

    private final ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private final TaskCommandMapper mapper = mapper(Optional.of(99L), Optional.of(MODULE_ID));

    @Test
    void mapsTheSeedEventToTheSeedRequestFieldByField() throws Exception {
        CreateTaskCommand command = mapped(TestEvents.seedEvent(), "incs_1");

        JsonNode expected = json.readTree(TestEvents.resource("seed-request.json"));
        // Both sides read from JSON text: ObjectNode equality then compares field by field, whatever the order.
        assertThat(json.readTree(json.writeValueAsString(command))).isEqualTo(expected);
    }

    @Test
    void fillsNameAndDescriptionFromTemplatesWhenTheEventHasNone() {
        CreateTaskCommand command = mapped(withTask(null, null), "incs_1");

        assertThat(command.name()).isEqualTo("Collection CASE-2026-000123");
        assertThat(command.description()).isEqualTo("Collection case CASE-2026-000123");
    }

    @Test
    void rejectsAnExplicitNameOverTheLimitInsteadOfCuttingIt() {
        String name = "😀".repeat(257);

        MappingResult result = mapper.map(withTask(name, null), "incs_1");

        assertThat(result).isEqualTo(new MappingResult.Invalid(Rejection.NAME_TOO_LONG,
                "task name is longer than 256 characters"));
    }

    @Test
    void countsTheLimitInCodePointsNotUtf16Units() {
        String name = "😀".repeat(256);

        assertThat(mapped(withTask(name, "描".repeat(256)), "incs_1").name()).isEqualTo(name);
    }

    @Test
    void rejectsAnOverLongDescription() {
        MappingResult result = mapper.map(withTask(null, "d".repeat(257)), "incs_1");

        assertThat(((MappingResult.Invalid) result).reason()).isEqualTo(Rejection.DESCRIPTION_TOO_LONG);
    }

    @Test
    void rejectsAnInvalidPhone() {
        CollectionEvent event = copy(TestEvents.seedEvent(), "12-34", 30058L, "20000.00", TestEvents.seedEvent().orders());

        assertThat(((MappingResult.Invalid) mapper.map(event, "incs_1")).reason()).isEqualTo(Rejection.INVALID_PHONE);
    }

    @Test
    void takesTheAuthIdFromConfigurationWhenTheEventHasNone() {
        CollectionEvent event = copy(TestEvents.seedEvent(), "0815 1234 5678", null, null, List.of());

        assertThat(mapped(event, "incs_1").authId()).isEqualTo(99L);
    }

    @Test
    void rejectsWhenNoAuthIdIsAvailable() {
        CollectionEvent event = copy(TestEvents.seedEvent(), "0815 1234 5678", null, null, List.of());

        MappingResult result = mapper(Optional.empty(), Optional.of(MODULE_ID)).map(event, "incs_1");

        assertThat(((MappingResult.Invalid) result).reason()).isEqualTo(Rejection.MISSING_AUTH_ID);
    }

    @Test
    void rejectsWhenNoAssigneeIsAvailable() {
        assertThat(((MappingResult.Invalid) mapper.map(TestEvents.seedEvent(), null)).reason())
                .isEqualTo(Rejection.MISSING_ASSIGNEE);
    }

    @Test
    void sendsNoModuleInfoWithoutOrdersAndAmount() {
        CollectionEvent event = copy(TestEvents.seedEvent(), "0815 1234 5678", 1L, null, List.of());

        assertThat(mapped(event, "incs_1").taskModuleInfo()).isNull();
    }

    @Test
    void sendsNoModuleInfoWithoutConfiguredModuleId() {
        assertThat(mapper(Optional.of(1L), Optional.empty()).map(TestEvents.seedEvent(), "incs_1"))
                .isInstanceOfSatisfying(MappingResult.Mapped.class, m -> assertThat(m.command().taskModuleInfo()).isNull());
    }

    @Test
    void formatsTheTotalWithTwoDecimalsAndKeepsOrdersEmptyWhenThereAreNone() {
        CollectionEvent event = copy(TestEvents.seedEvent(), "0815 1234 5678", 1L, "1500", List.of());

        CreateTaskCommand.TaskModuleInfo info = mapped(event, "incs_1").taskModuleInfo();

        assertThat(info.totalAmount()).isEqualTo("1500.00");
        assertThat(info.orders()).isEmpty();
        assertThat(info.moduleId()).isEqualTo(MODULE_ID);
    }

    @Test
    void sendsEmptyStringsForMissingOrderValuesAndConvertsTimesToTheConfiguredZone() {
        CollectionEvent.OrderLine line = new CollectionEvent.OrderLine("WD1", null, null, null, "12.5",
                "2026-04-15T23:30:00Z", "2026-03-01T03:00:00Z");
        CollectionEvent event = copy(TestEvents.seedEvent(), "0815 1234 5678", 1L, null, List.of(line));

        CreateTaskCommand.Order order = mapped(event, "incs_1").taskModuleInfo().orders().get(0);

        assertThat(order).isEqualTo(new CreateTaskCommand.Order("WD1", "", "", "", "12.5", "2026-04-16",
                "2026-03-01 10:00:00"));
        assertThat(mapped(event, "incs_1").taskModuleInfo().totalAmount()).isEmpty();
    }

    @Test
    void rejectsAnAmountThatIsNotANumber() {
        CollectionEvent event = copy(TestEvents.seedEvent(), "0815 1234 5678", 1L, "lots", List.of());

        assertThat(((MappingResult.Invalid) mapper.map(event, "incs_1")).reason()).isEqualTo(Rejection.INVALID_AMOUNT);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1e-999999999", "1E+999999999"})
    void rejectsAnAmountOutOfRangeInsteadOfExpandingIt(String amount) {
        CollectionEvent total = copy(TestEvents.seedEvent(), "0815 1234 5678", 1L, amount, List.of());
        CollectionEvent.OrderLine line = new CollectionEvent.OrderLine("WD1", null, null, null, amount, null, null);
        CollectionEvent due = copy(TestEvents.seedEvent(), "0815 1234 5678", 1L, null, List.of(line));

        assertThat(((MappingResult.Invalid) mapper.map(total, "incs_1")).reason()).isEqualTo(Rejection.INVALID_AMOUNT);
        assertThat(((MappingResult.Invalid) mapper.map(due, "incs_1")).reason()).isEqualTo(Rejection.INVALID_AMOUNT);
    }

    @Test
    void rejectsADateThatIsNotIso() {
        CollectionEvent.OrderLine line = new CollectionEvent.OrderLine("WD1", null, null, null, null, "15/04/2026", null);
        CollectionEvent event = copy(TestEvents.seedEvent(), "0815 1234 5678", 1L, null, List.of(line));

        assertThat(((MappingResult.Invalid) mapper.map(event, "incs_1")).reason()).isEqualTo(Rejection.INVALID_DATE);
    }

    private CreateTaskCommand mapped(CollectionEvent event, String assignee) {
        MappingResult result = mapper.map(event, assignee);
        assertThat(result).isInstanceOf(MappingResult.Mapped.class);
        return ((MappingResult.Mapped) result).command();
    }

    private static TaskCommandMapper mapper(Optional<Long> authId, Optional<String> moduleId) {
        return new TaskCommandMapper(new MappingSettings(authId, moduleId, ZoneId.of("Asia/Jakarta"), "62",
                "Collection {case_id}", "Collection case {case_id}"));
    }

    private static CollectionEvent withTask(String name, String description) {
        CollectionEvent e = TestEvents.seedEvent();
        return new CollectionEvent(e.eventId(), e.eventType(), e.occurredAt(), e.caseId(), e.customerName(),
                e.customerPhone(), e.assignee(), e.authId(), name, description, e.totalAmount(), e.orders());
    }

    private static CollectionEvent copy(CollectionEvent e, String phone, Long authId, String total,
                                        List<CollectionEvent.OrderLine> orders) {
        return new CollectionEvent(e.eventId(), e.eventType(), e.occurredAt(), e.caseId(), e.customerName(), phone,
                e.assignee(), authId, e.taskName(), e.taskDescription(), total, orders);
    }
}
