package io.synapse.plugins.executors.ray;

import io.synapse.plugins.environment.Redactor;
import io.synapse.plugins.errors.PluginError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts {@link ClusterPackage}s into a cluster through its dashboard's package API, once per content:
 * {@code GET /api/packages/gcs/<name>} first, {@code PUT} only when the cluster answers 404.
 *
 * <p><b>Pins.</b> The cluster keeps a package that nothing references for a while only: each GET pins it
 * for {@code RAY_RUNTIME_ENV_TEMPORARY_REFERENCE_EXPIRATION_S} (600 s by default), and a TASK actor's
 * {@code java_jars} are no reference. A {@link Pin} therefore GETs its package again every interval (and
 * uploads it again if the cluster lost it) until it is closed, so that an actor started later (a
 * replacement, a new node) still finds it. Pins of one package are counted; the last close stops them.
 */
final class PackageUploader {
  /** The default time between two GETs of a pinned package: half the cluster's default pin time. */
  static final Duration DEFAULT_PIN_INTERVAL = Duration.ofMinutes(5);
  private static final System.Logger LOGGER = System.getLogger(PackageUploader.class.getName());
  private static final ScheduledExecutorService PINNER = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "synapse-ray-package-pins");
    thread.setDaemon(true);
    return thread;
  });

  private final DashboardClient client;
  private final AtomicInteger uploads = new AtomicInteger();
  private final Map<String, Pinned> pinned = new ConcurrentHashMap<>();

  PackageUploader(DashboardClient client) {
    this.client = client;
  }

  /** The dashboard this uploader talks to. */
  String dashboardUrl() {
    return client.base().toString();
  }

  /** How many packages {@link #ensure} (and pins) put into the cluster. */
  int uploads() {
    return uploads.get();
  }

  /**
   * Makes sure the cluster holds {@code pkg} (and pins it for the cluster's pin time).
   *
   * @throws PluginError {@value RayJobExecutor#DASHBOARD_UNREACHABLE} or {@value RayJobExecutor#DASHBOARD_ERROR}
   */
  void ensure(ClusterPackage pkg, Redactor redactor) {
    if (ensureUncounted(pkg, redactor)) {
      uploads.incrementAndGet();
    }
  }

  /**
   * Like {@link #ensure}, without counting an upload in {@link #uploads()}: for a job's request package.
   *
   * @return whether it was uploaded
   */
  boolean ensureUncounted(ClusterPackage pkg, Redactor redactor) {
    String path = path(pkg);
    DashboardClient.Reply reply = client.get(path);
    if (reply.status() == 200) {
      return false;
    }
    if (reply.status() != 404) {
      client.requireOk("GET", path, reply, redactor);
    }
    put(pkg, redactor);
    return true;
  }

  private void put(ClusterPackage pkg, Redactor redactor) {
    String path = path(pkg);
    client.requireOk("PUT", path, client.put(path, pkg.bytes()), redactor);
  }

  /** Whether the cluster holds the package named {@code uri} ({@code gcs://...}). */
  boolean exists(String uri) {
    String path = "/api/packages/gcs/" + uri.substring("gcs://".length());
    DashboardClient.Reply reply = client.get(path);
    if (reply.status() == 404) {
      return false;
    }
    client.requireOk("GET", path, reply, Redactor.none());
    return true;
  }

  /**
   * Makes sure the cluster holds {@code pkg} and keeps it pinned, GETting it every {@code interval}, until
   * the returned pin is closed.
   */
  Pin pin(ClusterPackage pkg, Duration interval) {
    ensure(pkg, Redactor.none());
    Pinned entry = pinned.compute(pkg.uri(), (uri, known) -> {
      if (known != null) {
        known.holders++;
        return known;
      }
      Pinned created = new Pinned(pkg);
      long millis = Math.max(1, interval.toMillis());
      created.task = PINNER.scheduleWithFixedDelay(() -> refresh(created), millis, millis, TimeUnit.MILLISECONDS);
      return created;
    });
    return new Pin(this, entry.pkg.uri());
  }

  /** How many packages are pinned now. */
  int pinnedCount() {
    return pinned.size();
  }

  private void release(String uri) {
    pinned.computeIfPresent(uri, (key, entry) -> {
      if (--entry.holders > 0) {
        return entry;
      }
      entry.task.cancel(false);
      return null;
    });
  }

  private void refresh(Pinned entry) {
    try {
      ensure(entry.pkg, Redactor.none());
    } catch (RuntimeException e) {
      // The next round tries again; actors that start meanwhile report a failed env setup if it is gone.
      LOGGER.log(System.Logger.Level.WARNING, "could not keep package " + entry.pkg.uri() + " pinned on " + dashboardUrl() + ": " + e);
    }
  }

  private static String path(ClusterPackage pkg) {
    return "/api/packages/gcs/" + pkg.name();
  }

  /** The URIs pinned now, for tests. */
  List<String> pinnedUris() {
    return new ArrayList<>(pinned.keySet());
  }

  private static final class Pinned {
    final ClusterPackage pkg;
    int holders = 1;
    ScheduledFuture<?> task;

    Pinned(ClusterPackage pkg) {
      this.pkg = pkg;
    }
  }

  /** Keeps one package pinned until closed; closing twice is harmless. */
  static final class Pin implements AutoCloseable {
    private final PackageUploader owner;
    private final String uri;
    private boolean closed;

    private Pin(PackageUploader owner, String uri) {
      this.owner = owner;
      this.uri = uri;
    }

    /** The pinned package's URI. */
    String uri() {
      return uri;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        owner.release(uri);
      }
    }
  }
}
