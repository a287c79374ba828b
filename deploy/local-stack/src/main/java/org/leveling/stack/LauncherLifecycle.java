package org.leveling.stack;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * How a launcher waits for its end. With {@code --watch-stdin} it stops when its standard input
 * closes: a test JVM that starts it holds the other end of that pipe, so even a test JVM killed
 * with SIGKILL takes its broker and database down with it. Without the flag it runs until SIGTERM
 * or Ctrl-C (the shell run command). Either way the stop action runs exactly once.
 */
final class LauncherLifecycle {

    private LauncherLifecycle() {
    }

    static void announceReadyAndWait(String readyLine, boolean watchStdin, Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stopOnce = new Runnable() {
            private boolean done;

            @Override
            public synchronized void run() {
                if (!done) {
                    done = true;
                    stop.run();
                    stopped.countDown();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stopOnce, "launcher-shutdown"));
        // The ready line is the contract with whoever started this JVM: print it only once serving.
        System.out.println(readyLine);
        System.out.flush();
        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                drainUntilClosed(System.in);
                stopOnce.run();
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    private static void drainUntilClosed(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException closed) {
            // A broken pipe means the parent is gone: the same as end of input.
        }
    }
}
