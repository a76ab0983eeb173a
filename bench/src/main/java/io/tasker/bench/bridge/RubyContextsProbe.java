package io.tasker.bench.bridge;

import io.tasker.bridge.RubyStepHandlerFactory;
import io.tasker.bridge.engine.SharedEngine;
import io.tasker.bridge.guest.RubyGuest;
import io.tasker.bridge.guest.ShimFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

/**
 * Not a benchmark: reproduces what stopped the end-to-end benchmark with a Ruby pool of more than one context
 * (docs/benchmarks.md, "Polyglot bridge (issue 3)"). It opens Ruby contexts on the shared engine as the bridge's pool
 * does (shim loaded), each on its own thread, one after another ({@code sequential}) or all at once
 * ({@code concurrent}), then lets each run code using the stdlib C extensions {@code date} and {@code bigdecimal}
 * (or only {@code json}, which TruffleRuby implements in Ruby), all at once ({@code par}) or one context at a time
 * ({@code serial}), and prints what each context got.
 *
 * <p>Run: {@code java <bin/tasker's flags> -cp ... io.tasker.bench.bridge.RubyContextsProbe sequential|concurrent
 * <contexts> date|bigdecimal|json|none [par|serial]}. {@code replaced <contexts> <kinds>} instead opens a context,
 * runs the code in it, closes it, and so on: what replacing the bridge's one Ruby context would do. (The bridge now
 * runs Ruby in one context per process; see {@code SharedContext}.)
 */
public final class RubyContextsProbe {
    private static final String CODE = """
            require 'json'; require 'date'; require 'bigdecimal'
            kinds = %W
            s = 0
            3000.times do |i|
              s += JSON.generate(JSON.parse('{"a":[1,2,{"b":"x' + i.to_s + '"}]}')).size if kinds.include?('json')
              s += Date.parse('2026-11-' + (1 + i % 28).to_s).day if kinds.include?('date')
              s += (BigDecimal('1.5') * i).to_i if kinds.include?('bigdecimal')
            end
            s
            """;
    private static final Object TURN = new Object();
    private static int turn;

    private RubyContextsProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("replaced")) {
            replaced(Integer.parseInt(args[1]), CODE.replace("%W", "%w[" + args[2] + "]"));
            return;
        }
        boolean concurrent = args[0].equals("concurrent");
        int count = Integer.parseInt(args[1]);
        String work = args.length > 2 ? args[2] : "none";
        boolean serial = args.length > 3 && args[3].equals("serial");
        String code = CODE.replace("%W", "%w[" + work + "]");
        Engine engine = SharedEngine.get();
        Path roots = Files.createTempDirectory("tasker-probe-");
        RubyGuest guest = new RubyGuest(ShimFiles.extract(RubyContextsProbe.class.getClassLoader(),
                RubyStepHandlerFactory.SHIM_RESOURCES, "ruby-shim"), List.of(roots), "development");
        guest.open(guest.newContext(engine)); // the first context, on the main thread, as template registration does
        System.out.println("first context opened on the main thread");
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch opened = new CountDownLatch(count);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = i;
            threads.add(Thread.ofPlatform().name("probe-" + i).start(() -> {
                try {
                    Context context;
                    try {
                        awaitTurn(concurrent, start, id);
                        long t0 = System.nanoTime();
                        context = guest.newContext(engine);
                        guest.open(context);
                        System.out.printf("context %d opened in %d ms%n", id, (System.nanoTime() - t0) / 1_000_000);
                    } finally {
                        synchronized (TURN) {
                            turn++;
                            TURN.notifyAll();
                        }
                        opened.countDown();
                    }
                    if (!work.equals("none")) {
                        opened.await();
                        Object result;
                        if (serial) {
                            synchronized (TURN) {
                                result = context.eval("ruby", code);
                            }
                        } else {
                            result = context.eval("ruby", code);
                        }
                        System.out.printf("context %d, %s: %s%n", id, work, result);
                    }
                } catch (Exception e) {
                    System.out.printf("context %d FAILED: %s%n", id, e);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** One context after another on the main thread, each closed before the next opens. */
    private static void replaced(int count, String code) throws Exception {
        Engine engine = SharedEngine.get();
        RubyGuest guest = new RubyGuest(ShimFiles.extract(RubyContextsProbe.class.getClassLoader(),
                RubyStepHandlerFactory.SHIM_RESOURCES, "ruby-shim"), List.of(Files.createTempDirectory("tasker-probe-")),
                "development");
        for (int i = 0; i < count; i++) {
            Context context = guest.newContext(engine);
            try {
                guest.open(context);
                System.out.printf("context %d: %s%n", i, context.eval("ruby", code));
            } catch (Exception e) {
                System.out.printf("context %d FAILED: %s%n", i, e.getMessage());
            } finally {
                context.close();
            }
        }
    }

    private static void awaitTurn(boolean concurrent, CountDownLatch start, int id) throws InterruptedException {
        if (concurrent) {
            start.await();
            return;
        }
        synchronized (TURN) {
            while (turn != id) {
                TURN.wait();
            }
        }
    }
}
