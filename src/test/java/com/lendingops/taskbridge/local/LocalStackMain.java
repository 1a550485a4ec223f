package com.lendingops.taskbridge.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one-command local run (./local-stack.sh): starts {@link LocalStack}, prints where everything
 * listens and a live one-line summary, and stops everything on Ctrl-C, after --duration, or once the
 * first status event is published with --exit-after-first-status-event.
 */
public final class LocalStackMain {

    private static final Duration REFRESH = Duration.ofSeconds(2);

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(LocalStackOptions.USAGE);
            return;
        }
        System.exit(run(LocalStackOptions.parse(args), System.out));
    }

    /** Runs the stack until Ctrl-C or an exit condition; returns the process exit code. */
    static int run(LocalStackOptions options, PrintStream out) throws InterruptedException {
        out.println("Starting the local stack (Ctrl-C stops everything)...");
        AtomicReference<LocalStack> running = new AtomicReference<>();
        Thread stopper = new Thread(() -> {
            LocalStack stack = running.get();
            if (stack != null) {
                System.out.println(System.lineSeparator() + "Stopping the local stack...");
                stack.close();
                System.out.println("Stopped.");
            }
        }, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        LocalStack stack = LocalStack.start(options, out);
        running.set(stack);
        try {
            int code = watch(stack, options, out);
            running.set(null);
            stack.close();
            out.println("Stopped.");
            return code;
        } finally {
            stack.close();
        }
    }

    private static int watch(LocalStack stack, LocalStackOptions options, PrintStream out) throws InterruptedException {
        boolean console = System.console() != null;
        Instant deadline = options.duration().map(Instant.now()::plus).orElse(Instant.MAX);
        StackSnapshot last = stack.snapshot();
        while (Instant.now().isBefore(deadline)) {
            if (!stack.bridge().handle().isAlive()) {
                out.println(System.lineSeparator() + "The bridge exited; its log ends with:"
                        + System.lineSeparator() + stack.bridge().logTail(30));
                return 2;
            }
            last = stack.snapshot();
            out.print(console ? "\r" + last.line() + "   " : last.line() + System.lineSeparator());
            out.flush();
            if (options.exitAfterFlow() && last.showsEndToEndFlow()) {
                out.println(System.lineSeparator() + "A task was created and a status event published: the loop works.");
                return 0;
            }
            Thread.sleep(REFRESH.toMillis());
        }
        out.println(System.lineSeparator() + "Duration reached: " + last.line());
        return options.exitAfterFlow() ? 1 : 0;
    }
}
