package dev.exemplar.bench;

import dev.exemplar.llm.ChatClients;
import dev.exemplar.llm.ChatRequest;
import dev.exemplar.llm.FakeLlmServer;
import dev.exemplar.llm.ResilientChatClient;
import dev.exemplar.spec.ModelSettings;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * LLM client throughput: N requests at concurrency C through the full client path (limiter,
 * retries, breaker, journal fsync, ledger, LangChain4j's OpenAI model) against a loopback server
 * that answers after L ms. Ideal throughput is C / L; prints the share reached and CPU per request.
 * Usage: bench/llm-throughput.sh [requests] [concurrency] [latencyMs]
 */
public final class LlmThroughputBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int c = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int latency = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path dir = Files.createTempDirectory("llm-bench");
        // A fixed 180-word answer keeps the loopback server's own CPU small and constant.
        String answer = FakeLlmServer.story("bench", 180);
        try (FakeLlmServer server = FakeLlmServer.start().latency(latency)
                .responder(call -> new FakeLlmServer.Reply(answer, "stop"));
             ResilientChatClient client = ChatClients.create(ModelSettings.parse("provider: openai\nname: bench\nbase_url: "
                     + server.v1() + "\nconcurrency: " + c + "\nmax_output_tokens: 400\n"), System.getenv("BENCH_NO_JOURNAL") != null ? null : dir, "bench")) {
            ExecutorService pool = Executors.newFixedThreadPool(c, r -> {
                Thread t = new Thread(r, "bench-worker");
                t.setDaemon(true);
                return t;
            });
            run(pool, client, "warm-up", Math.min(200, n));
            long cpu0 = os.getProcessCpuTime();
            long clientCpu0 = clientCpu(threads);
            long t0 = System.nanoTime();
            run(pool, client, "bench", n);
            double secs = (System.nanoTime() - t0) / 1e9;
            long cpu = os.getProcessCpuTime() - cpu0;
            long clientCpu = clientCpu(threads) - clientCpu0;
            pool.shutdown();
            double rate = n / secs;
            double ideal = c * 1000.0 / latency;
            System.out.printf("requests %d, concurrency %d, server latency %d ms%n", n, c, latency);
            System.out.printf("wall %.2f s, %.1f req/s, ideal %.1f req/s, %.1f%% of ideal%n", secs, rate, ideal, 100 * rate / ideal);
            System.out.printf("CPU per request: %.2f ms client threads, %.2f ms whole process (client + loopback server)%n",
                    clientCpu / 1e6 / n, cpu / 1e6 / n);
            System.out.printf("server saw %d chat requests; ledger %s%n", server.chatRequests(), client.report().path("total"));
        }
    }

    private static void run(ExecutorService pool, ResilientChatClient client, String tag, int n) throws Exception {
        List<Future<?>> fs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String user = tag + " request " + i;
            fs.add(pool.submit(() -> client.chat(new ChatRequest("draft", "bench", "You write stories.", user, 0.8, null, 400))));
        }
        for (Future<?> f : fs) f.get();
    }

    /** CPU time of every live thread that is not the loopback server's. */
    private static long clientCpu(ThreadMXBean threads) {
        long sum = 0;
        for (ThreadInfo ti : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (ti == null || ti.getThreadName().startsWith("fake-llm") || ti.getThreadName().startsWith("HTTP-Dispatcher")) continue;
            long t = threads.getThreadCpuTime(ti.getThreadId());
            if (t > 0) sum += t;
        }
        return sum;
    }
}
