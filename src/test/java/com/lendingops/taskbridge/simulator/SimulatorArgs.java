package com.lendingops.taskbridge.simulator;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of {@link IncsSimulatorMain}, read into a {@link SimulatorConfig} plus the
 * number of active tasks to seed at start and the gateway windows to open at start.
 */
record SimulatorArgs(SimulatorConfig config, int seedActive, List<GatewayWindows.Window> gateway) {

    static final String USAGE = """
            Options (all optional):
              --host H                   interface to bind (default 127.0.0.1; 0.0.0.0 for containers)
              --port N                   port (default 8089; 0 = any free port)
              --token T                  accepted bearer token (default dev-token)
              --zone Z                   time zone of timestamps (default Asia/Jakarta)
              --auto-progress            tasks progress by themselves (start 10 s, remarks, finish 60 s, 20% terminated)
              --start-after S            seconds until 0 -> 1 (implies --auto-progress)
              --remark-every S           seconds between remarks while in progress
              --finish-after S           seconds from start until 2 or 3
              --terminate-fraction F     fraction of tasks ending terminated (3) instead of completed (2)
              --style mirror|always-200  HTTP status of errors
              --page-base 0|1            number of the first page (default 1)
              --no-conversation-id-in-list, --conversation-id-null-on-create, --logs-in-create-response, --sort-desc,
              --page-row-cap N           at most N rows per list page whatever page_size asks
              --rate-limit N             requests per second before 429 (default off)
              --retry-after              send Retry-After with 429
              --latency MS | MIN-MAX     added latency in milliseconds, fixed or uniform
              --error-rate F, --reset-rate F, --timeout-rate F, --drop-after-create-rate F
              --gateway PAGE:S[,PAGE:S]  from start, a gateway answers instead of incs: PAGE (html-404, html-403,
                                         html-502, json-404, json-403, json-502) for S seconds each, then incs
              --seed-active N            create N in-progress tasks at start
              --random-seed N            seed of random faults
            """;

    static SimulatorArgs parse(String... args) {
        SimulatorConfig.Builder builder = SimulatorConfig.builder().port(8089).token("dev-token");
        ResponseOptions options = ResponseOptions.defaults();
        TaskTimeline timeline = TaskTimeline.off();
        FaultSettings faults = FaultSettings.none();
        int rate = 0;
        boolean retryAfter = false;
        int seedActive = 0;
        List<GatewayWindows.Window> gateway = List.of();
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String option = list.get(i);
            switch (option) {
                case "--host" -> builder.host(list.get(++i));
                case "--port" -> builder.port(Integer.parseInt(list.get(++i)));
                case "--token" -> builder.token(list.get(++i));
                case "--zone" -> builder.zone(ZoneId.of(list.get(++i)));
                case "--auto-progress" -> timeline = timeline.enabled() ? timeline : TaskTimeline.demo();
                case "--start-after" -> timeline = timed(timeline, list.get(++i), null, null);
                case "--remark-every" -> timeline = timed(timeline, null, list.get(++i), null);
                case "--finish-after" -> timeline = timed(timeline, null, null, list.get(++i));
                case "--terminate-fraction" -> timeline = timed(timeline, null, null, null)
                        .withTerminateFraction(Double.parseDouble(list.get(++i)));
                case "--style" -> options = options.withStyle(list.get(++i).startsWith("always")
                        ? ResponseStyle.ALWAYS_200 : ResponseStyle.MIRROR_HTTP_STATUS);
                case "--page-base" -> options = options.withPageBase(Integer.parseInt(list.get(++i)));
                case "--no-conversation-id-in-list" -> options = options.withConversationIdInList(false);
                case "--conversation-id-null-on-create" -> options = options.withConversationIdOnCreate(false);
                case "--logs-in-create-response" -> options = options.withLogsInCreateResponse(true);
                case "--sort-desc" -> options = options.withSortDescending(true);
                case "--page-row-cap" -> options = options.withPageRowCap(Integer.parseInt(list.get(++i)));
                case "--rate-limit" -> rate = Integer.parseInt(list.get(++i));
                case "--retry-after" -> retryAfter = true;
                case "--latency" -> faults = latency(faults, list.get(++i));
                case "--error-rate" -> faults = faults.withError500Rate(Double.parseDouble(list.get(++i)));
                case "--reset-rate" -> faults = faults.withResetRate(Double.parseDouble(list.get(++i)));
                case "--timeout-rate" -> faults = faults.withTimeoutRate(Double.parseDouble(list.get(++i)));
                case "--drop-after-create-rate" ->
                        faults = faults.withDropAfterCreateRate(Double.parseDouble(list.get(++i)));
                case "--gateway" -> gateway = gatewayWindows(list.get(++i));
                case "--seed-active" -> seedActive = Integer.parseInt(list.get(++i));
                case "--random-seed" -> builder.randomSeed(Long.parseLong(list.get(++i)));
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        SimulatorConfig config = builder.responseOptions(options).timeline(timeline).faults(faults)
                .rateLimit(new RateLimit(rate, retryAfter)).build();
        return new SimulatorArgs(config, seedActive, gateway);
    }

    private static List<GatewayWindows.Window> gatewayWindows(String value) {
        return Arrays.stream(value.split(",")).map(window -> {
            String[] parts = window.split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--gateway wants PAGE:SECONDS[,PAGE:SECONDS...], got " + value);
            }
            return new GatewayWindows.Window(GatewayPage.parse(parts[0]), seconds(parts[1]));
        }).toList();
    }

    private static TaskTimeline timed(TaskTimeline current, String start, String every, String finish) {
        TaskTimeline base = current.enabled() ? current : TaskTimeline.demo();
        return new TaskTimeline(true, start == null ? base.startAfter() : seconds(start),
                every == null ? base.remarkEvery() : seconds(every), base.remarks(),
                finish == null ? base.finishAfter() : seconds(finish), base.terminateFraction());
    }

    private static FaultSettings latency(FaultSettings faults, String value) {
        String[] bounds = value.split("-", 2);
        Duration min = Duration.ofMillis(Long.parseLong(bounds[0]));
        return faults.withLatency(min, bounds.length == 1 ? min : Duration.ofMillis(Long.parseLong(bounds[1])));
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }
}
