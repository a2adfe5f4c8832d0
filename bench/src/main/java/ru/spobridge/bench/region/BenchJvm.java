package ru.spobridge.bench.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM of the benchmark (the simulators or the hub): started from the demo jar with its own working
 * directory, port and log file, waited for on {@code /actuator/health}, and destroyed at the end or on failure.
 */
public final class BenchJvm implements AutoCloseable {

    private final String name;
    private final ProcessBuilder builder;
    private final List<String> command;
    private final Path log;
    private final int port;
    // replaced by a restart: the benchmark's API client and sampler keep talking to "the hub" across kills
    private volatile Process process;

    private BenchJvm(String name, ProcessBuilder builder, Process process, Path log, int port) {
        this.name = name;
        this.builder = builder;
        this.command = List.copyOf(builder.command());
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code java <jvmOptions> -cp jar -Dloader.main=<main> PropertiesLauncher <args>} in {@code workDir}, output
     * to {@code log}; killed by a shutdown hook if the benchmark itself dies.
     */
    public static BenchJvm start(String name, Path jar, String main, List<String> jvmOptions, List<String> args,
                                 Map<String, String> env, Path workDir, Path log, int port) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-Dloader.main=" + main);
        command.add("-cp");
        command.add(jar.toAbsolutePath().toString());
        command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        command.add("--server.port=" + port);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            BenchJvm jvm = new BenchJvm(name, builder, process, log, port);
            Runtime.getRuntime().addShutdownHook(new Thread(jvm::close));
            return jvm;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Polls {@code /actuator/health} until it answers 200, the process ends or {@code timeout} passes. */
    public void awaitHealthy(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/actuator/health"))).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting; log: " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout.toSeconds() + " s; log: " + log);
    }

    /** kill -9: the JVM gets no chance to close its store, its bus journal or its runs. */
    public void kill() throws InterruptedException {
        Process current = process;
        current.destroyForcibly();
        if (!current.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " still alive 30 s after SIGKILL");
        }
    }

    /**
     * Starts the same command again — same port, working folder and store, the log appended to — with {@code extraArgs}
     * after the first start's (Spring takes the later of two equal settings); the previous process must have ended.
     */
    public void restart(List<String> extraArgs) {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        List<String> again = new ArrayList<>(command);
        again.addAll(extraArgs);
        builder.command(again).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart " + name, e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Whether the log says the JVM ran out of memory. */
    public boolean outOfMemory() {
        try {
            return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains("OutOfMemoryError");
        } catch (IOException e) {
            return false;
        }
    }

    /** A value of /proc/<pid>/status in MB (VmRSS, VmHWM), or -1 when the process is gone. */
    public long procStatusMb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip()) / 1024;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        Process current = process;
        if (current.isAlive()) {
            current.destroy();
            try {
                if (!current.waitFor(20, TimeUnit.SECONDS)) {
                    current.destroyForcibly();
                }
            } catch (InterruptedException e) {
                current.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A port free right now on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
