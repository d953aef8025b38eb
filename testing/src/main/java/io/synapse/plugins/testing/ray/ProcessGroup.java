package io.synapse.plugins.testing.ray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The processes of one Linux process group, read from {@code /proc}, and how to end them: a Ray head
 * started in a session of its own ({@code setsid}) is exactly the group whose id is its pid, so ending
 * that group ends everything the head started and nothing else (never a kill by name).
 */
final class ProcessGroup {
  private static final Path PROC = Path.of("/proc");
  private final long id;

  ProcessGroup(long id) {
    this.id = id;
  }

  /** The group's id. */
  long id() {
    return id;
  }

  /** The pids now in the group. */
  List<Long> members() {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        OptionalLong group = groupOf(entry.resolve("stat"));
        if (group.isPresent() && group.getAsLong() == id) {
          pids.add(Long.parseLong(name));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + PROC + ": " + e.getMessage(), e);
    }
    return pids;
  }

  /** Whether any process of the group is alive. */
  boolean alive() {
    return !members().isEmpty();
  }

  /**
   * Asks every process of the group to stop (SIGTERM), waits up to {@code grace}, then kills what is
   * left (SIGKILL) and waits up to {@code grace} again.
   *
   * @return whether the group is empty at the end
   */
  boolean stop(Duration grace) throws InterruptedException {
    if (signalUntilEmpty(false, grace)) {
      return true;
    }
    return signalUntilEmpty(true, grace);
  }

  private boolean signalUntilEmpty(boolean forcibly, Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    Set<Long> signalled = new HashSet<>();
    while (true) {
      List<Long> members = members();
      if (members.isEmpty()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      // Each member is signalled once; children forked after the first round are members too and get theirs.
      for (long pid : members) {
        if (signalled.add(pid)) {
          ProcessHandle.of(pid).ifPresent(forcibly ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        }
      }
      Thread.sleep(200);
    }
  }

  /** The process group in {@code /proc/<pid>/stat}: the fifth field, counted after the parenthesised name. */
  static OptionalLong groupOf(Path stat) {
    String text;
    try {
      text = Files.readString(stat, StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty(); // the process ended while we looked
    }
    int close = text.lastIndexOf(')');
    if (close < 0) {
      return OptionalLong.empty();
    }
    String[] fields = text.substring(close + 2).split(" ");
    // After the name: state, ppid, pgrp.
    if (fields.length < 3) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(fields[2]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
