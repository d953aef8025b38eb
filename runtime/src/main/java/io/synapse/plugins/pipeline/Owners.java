package io.synapse.plugins.pipeline;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who runs a pipeline run: {@code host/pid/nonce}, recorded as the run's owner. A resume may take a run over
 * when its owner is gone: a process of this host that no longer lives, or any owner whose lease ran out.
 */
final class Owners {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String HOST = host();
  // Runs this process is executing now (a resume in the same process must not take them over).
  private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();

  private Owners() {}

  static String newOwner() {
    byte[] nonce = new byte[6];
    RANDOM.nextBytes(nonce);
    return HOST + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(nonce);
  }

  static String newRunId() {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  static void started(String runId) {
    ACTIVE.add(runId);
  }

  static void ended(String runId) {
    ACTIVE.remove(runId);
  }

  /** Whether {@code owner} may still be running {@code runId}, its lease ending at {@code leaseUntil} (epoch ms, or null). */
  static boolean alive(String runId, String owner, java.time.Instant leaseUntil) {
    if (owner == null) {
      return false;
    }
    String[] parts = owner.split("/");
    if (parts.length == 3 && parts[0].equals(HOST)) {
      try {
        long pid = Long.parseLong(parts[1]);
        if (pid == ProcessHandle.current().pid()) {
          return ACTIVE.contains(runId);
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      } catch (NumberFormatException e) {
        // Not one of ours: fall back on the lease.
      }
    }
    return leaseUntil != null && leaseUntil.isAfter(java.time.Instant.now());
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName().replace('/', '_');
    } catch (Exception e) {
      return "localhost";
    }
  }
}
