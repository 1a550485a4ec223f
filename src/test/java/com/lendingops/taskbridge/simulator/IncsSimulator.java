package com.lendingops.taskbridge.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * A stateful, configurable simulator of the incs task API (POST and GET /external/tasks) on its own
 * Vert.x instance, for tests, benchmarks and demos. Start with {@link #start(SimulatorConfig)}, point
 * the client at {@link #baseUrl()}, drive tasks with the admin methods (or the /admin endpoints of
 * {@link AdminApiHandler}), inject faults with {@link #faults()}, assert with {@link #counters()}.
 * Thread-safe: the event loop and test threads may call anything at any time.
 */
public final class IncsSimulator implements AutoCloseable {

    private final java.util.concurrent.atomic.AtomicReference<ListHook> listHook =
            new java.util.concurrent.atomic.AtomicReference<>();

    private final SimulatorConfig config;
    private final Vertx vertx;
    private final TaskStore store;
    private final SimulatorCounters counters = new SimulatorCounters();
    private final FaultInjector faults;
    private final TaskLifecycle lifecycle;
    private final TaskJson json;
    private final GatewayWindows gateway;
    private final AtomicLong nextSeedPhone = new AtomicLong(6_289_900_000_000L);
    private volatile String token;
    private volatile ResponseOptions responseOptions;
    private volatile HttpServer server;

    private IncsSimulator(SimulatorConfig config) {
        this.config = config;
        // one event loop serves thousands of requests per second and stays light on a shared 2-core machine
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        Random random = new Random(config.randomSeed());
        this.store = new TaskStore(config.clock());
        this.faults = new FaultInjector(random, config.faults(), config.rateLimit());
        this.lifecycle = new TaskLifecycle(vertx, store, random, config.timeline());
        this.json = new TaskJson(config.zone());
        this.gateway = new GatewayWindows(config.ticker());
        this.token = config.token();
        this.responseOptions = config.responseOptions();
    }

    /** Starts a simulator with the test defaults on a free loopback port. */
    public static IncsSimulator start() {
        return start(SimulatorConfig.defaults());
    }

    /** Starts a simulator and waits until it listens. */
    public static IncsSimulator start(SimulatorConfig config) {
        IncsSimulator sim = new IncsSimulator(config);
        ExternalApiHandler external = new ExternalApiHandler(sim);
        AdminApiHandler admin = new AdminApiHandler(sim);
        // HTTP/1.1 only: an h2c upgrade would multiplex calls, and a reset would then kill every stream at once
        HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false);
        try {
            sim.server = sim.vertx.createHttpServer(options)
                    .requestHandler(req -> {
                        if (req.path().startsWith("/admin/")) {
                            admin.handle(req);
                        } else {
                            external.handle(req);
                        }
                    })
                    .listen(config.port(), config.host())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            sim.close();
            throw new IllegalStateException("incs simulator could not listen on " + config.port(), e);
        }
        return sim;
    }

    /** E.g. {@code http://127.0.0.1:41234}; the API lives under {@code /external/tasks}. */
    public String baseUrl() {
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        return "http://" + host + ":" + port();
    }

    public int port() {
        return server.actualPort();
    }

    public SimulatorConfig config() {
        return config;
    }

    public String token() {
        return token;
    }

    /** Changes the accepted bearer token (e.g. to "fix the token" after a 401 test). */
    public void setToken(String newToken) {
        token = newToken;
    }

    public ResponseOptions responseOptions() {
        return responseOptions;
    }

    public synchronized void setResponseOptions(ResponseOptions options) {
        responseOptions = options;
    }

    public synchronized void updateResponseOptions(UnaryOperator<ResponseOptions> change) {
        responseOptions = change.apply(responseOptions);
    }

    /** Tasks created from now on follow {@code timeline}. */
    public void setTimeline(TaskTimeline timeline) {
        lifecycle.setTimeline(timeline);
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Windows during which a gateway in front of incs answers instead of it (HTML/JSON 403, 404, 502). */
    public GatewayWindows gateway() {
        return gateway;
    }

    public SimulatorCounters counters() {
        return counters;
    }

    /** Creates a task directly (no validation, no open-task check), following the timeline. */
    public SimTask createTask(NewTask task) {
        SimTask created = store.insert(task);
        lifecycle.onCreated(created);
        return created;
    }

    /** Creates {@code count} tasks in {@code status}, each for its own new phone {@code 62899...}. */
    public List<SimTask> seedTasks(int count, int status) {
        return IntStream.range(0, count)
                .mapToObj(i -> createTask(NewTask.forPhone(String.valueOf(nextSeedPhone.incrementAndGet()))
                        .withName("Seeded task " + i).withStatus(status)))
                .toList();
    }

    public Optional<SimTask> task(long id) {
        return store.find(id);
    }

    /** Every task, by id ascending. */
    public List<SimTask> tasks() {
        return store.all();
    }

    public List<SimTask> tasksWithPhone(String phone) {
        return store.all().stream().filter(t -> t.userPhone().equals(phone)).toList();
    }

    public int taskCount() {
        return store.all().size();
    }

    public int taskCount(int status) {
        return (int) store.query(TaskQuery.withStatus(status), 0, 0, false).total();
    }

    /**
     * Runs {@code change} once, when a list call arrives after {@code callsBefore} list calls (as counted since
     * the counter's last reset) and before that call is answered: tasks that change while a client pages.
     */
    public void changeBeforeListCall(long callsBefore, Runnable change) {
        listHook.set(new ListHook(callsBefore, change));
    }

    /** Called by the list route with the number of list calls that arrived before this one. */
    void beforeListCall(long callsBefore) {
        ListHook hook = listHook.get();
        if (hook != null && callsBefore >= hook.callsBefore() && listHook.compareAndSet(hook, null)) {
            hook.change().run();
        }
    }

    private record ListHook(long callsBefore, Runnable change) {
    }

    /** Moves the task to {@code status} with a type-3 log. */
    public SimTask moveToStatus(long id, int status) {
        return store.changeStatus(id, status, true);
    }

    /** Moves the task to {@code status} without any log (a change incs does not log). */
    public SimTask moveToStatusWithoutLog(long id, int status) {
        return store.changeStatus(id, status, false);
    }

    public SimTask addRemark(long id, String comment) {
        return store.addRemark(id, comment);
    }

    /** Reassigns the task: type-2 log and new {@code assignee_username}. */
    public SimTask reassign(long id, String assignee) {
        return store.reassign(id, assignee);
    }

    /** Changes {@code assignee_username} without any log (a reassignment incs does not log; may be blank). */
    public SimTask reassignWithoutLog(long id, String assignee) {
        return store.reassign(id, assignee, false);
    }

    public SimTask complete(long id) {
        return moveToStatus(id, SimTask.COMPLETED);
    }

    public SimTask terminate(long id) {
        return moveToStatus(id, SimTask.TERMINATED);
    }

    /**
     * Back to the start configuration: no tasks, no counters, initial token, options, timeline, faults, no gateway
     * window.
     */
    public void reset() {
        listHook.set(null);
        store.clear();
        gateway.clear();
        counters.reset();
        faults.clear();
        faults.set(config.faults());
        faults.setRateLimit(config.rateLimit());
        lifecycle.setTimeline(config.timeline());
        token = config.token();
        responseOptions = config.responseOptions();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("incs simulator did not stop", e);
        }
    }

    Vertx vertx() {
        return vertx;
    }

    TaskStore store() {
        return store;
    }

    TaskLifecycle lifecycle() {
        return lifecycle;
    }

    TaskJson json() {
        return json;
    }
}
