package com.lendingops.taskbridge.simulator;

import static com.lendingops.taskbridge.simulator.ListTasksFilterTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging, page size limits, sort order and conversation_id variants of the listing. */
class ListTasksPagingTest {

    private IncsSimulator sim;
    private SimulatorClient client;
    private List<Long> seeded;

    @BeforeEach
    void start() {
        sim = IncsSimulator.start();
        client = new SimulatorClient(sim);
        seeded = sim.seedTasks(25, SimTask.NOT_STARTED).stream().map(SimTask::id).toList();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void answersTwentyTasksWhenPageSizeIsMissing() {
        SimulatorClient.Reply reply = client.listTasks("");

        assertThat(ids(reply)).isEqualTo(seeded.subList(0, 20));
        assertThat(reply.data().path("total").asInt()).isEqualTo(25);
    }

    @Test
    void rejectsPageSizeAbove100WithClearMessage() {
        SimulatorClient.Reply reply = client.listTasks("page_size=101");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo(422);
        assertThat(reply.message()).isEqualTo("The page size must not be greater than 100.");
    }

    @Test
    void acceptsPageSizeOf100() {
        assertThat(ids(client.listTasks("page_size=100"))).hasSize(25);
    }

    @Test
    void startsAtPageOneByDefault() {
        assertThat(ids(client.listTasks("page_size=10&page=1"))).isEqualTo(seeded.subList(0, 10));
        assertThat(ids(client.listTasks("page_size=10&page=3"))).isEqualTo(seeded.subList(20, 25));
    }

    @Test
    void readsPageZeroAsTheFirstPageWhenBaseIsOne() {
        assertThat(ids(client.listTasks("page_size=10&page=0"))).isEqualTo(seeded.subList(0, 10));
    }

    @Test
    void startsAtPageZeroWhenConfigured() {
        sim.updateResponseOptions(o -> o.withPageBase(0));

        assertThat(ids(client.listTasks("page_size=10&page=0"))).isEqualTo(seeded.subList(0, 10));
        assertThat(ids(client.listTasks("page_size=10&page=1"))).isEqualTo(seeded.subList(10, 20));
    }

    @Test
    void answersEmptyPageWithTotalBeyondTheLastPage() {
        SimulatorClient.Reply reply = client.listTasks("page_size=10&page=9");

        assertThat(ids(reply)).isEmpty();
        assertThat(reply.data().path("total").asInt()).isEqualTo(25);
    }

    @Test
    void sortsByIdDescendingWhenConfigured() {
        sim.updateResponseOptions(o -> o.withSortDescending(true));

        assertThat(ids(client.listTasks("page_size=2"))).containsExactly(seeded.get(24), seeded.get(23));
    }

    @Test
    void capsPageRowsBelowThePageSizeAskedForAndNumbersPagesInCappedUnits() {
        sim.updateResponseOptions(o -> o.withPageRowCap(10));

        SimulatorClient.Reply second = client.listTasks("page_size=100&page=2");

        assertThat(ids(second)).containsExactlyElementsOf(seeded.subList(10, 20));
        assertThat(second.data().path("total").asInt()).isEqualTo(25);
    }

    @Test
    void omitsConversationIdFromListWhenConfigured() {
        sim.updateResponseOptions(o -> o.withConversationIdInList(false));

        assertThat(client.listTasks("page_size=1").data().path("data").get(0).has("conversation_id")).isFalse();
    }

    @Test
    void includesConversationIdInListByDefault() {
        assertThat(client.listTasks("page_size=1").data().path("data").get(0).path("conversation_id").isNumber())
                .isTrue();
    }
}
