package ru.spobridge.bench.region;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends one command per college at once: the hub answers a start only after the run's read and intake (the HTTP thread
 * does them), so one command after the other would read the colleges one after the other.
 */
final class AtOnce {

    /** One college's command, by its index in the region. */
    interface Command<T> {
        T send(int index, BenchRegion.College college) throws IOException, InterruptedException;
    }

    private AtOnce() {
    }

    /** Every college's answer by college id, in the region's order; the first failure is thrown. */
    static <T> Map<String, T> forEach(List<BenchRegion.College> colleges, Command<T> command) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(colleges.size());
        try {
            Map<String, Future<T>> sent = new LinkedHashMap<>();
            for (int i = 0; i < colleges.size(); i++) {
                int index = i;
                BenchRegion.College college = colleges.get(i);
                sent.put(college.id(), pool.submit(() -> command.send(index, college)));
            }
            Map<String, T> answers = new LinkedHashMap<>();
            for (Map.Entry<String, Future<T>> answer : sent.entrySet()) {
                try {
                    answers.put(answer.getKey(), answer.getValue().get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
