package io.synapse.examples.steps;

import io.synapse.plugins.context.RuntimeContext;
import io.synapse.plugins.steps.StepContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state the export steps share: the params, the input files found, the files written, and, for
 * each step, every file and directory it created, so that its rollback deletes exactly those.
 *
 * <p>Files are only ever created new, never overwritten: a step that meets an existing file fails
 * instead, so that undoing it never needs a backup and never touches a file the export did not make.
 */
public final class ExportContext extends StepContext {
  private final ExportParams params;
  private final Map<String, List<Path>> createdBy = new HashMap<>();
  private final List<ExportedFile> exported = new ArrayList<>();
  private List<Path> inputs = List.of();
  private Path manifest;
  private byte[] manifestBytes;
  private Path signature;

  /** A context for one export run. */
  public ExportContext(RuntimeContext runtime, ExportParams params) {
    super(runtime);
    this.params = Objects.requireNonNull(params, "params");
  }

  /** The run's params. */
  public ExportParams params() {
    return params;
  }

  /** The files and directories step {@code step} created and has not deleted, in creation order. */
  public synchronized List<Path> createdBy(String step) {
    return List.copyOf(createdBy.getOrDefault(step, List.of()));
  }

  List<Path> inputs() {
    return inputs;
  }

  void inputs(List<Path> files) {
    inputs = List.copyOf(files);
  }

  List<ExportedFile> exported() {
    return List.copyOf(exported);
  }

  void exported(ExportedFile file) {
    exported.add(file);
  }

  Path manifest() {
    return manifest;
  }

  byte[] manifestBytes() {
    return manifestBytes.clone();
  }

  void manifest(Path path, byte[] bytes) {
    manifest = path;
    manifestBytes = bytes.clone();
  }

  Path signature() {
    return signature;
  }

  void signature(Path path) {
    signature = path;
  }

  /**
   * Creates {@code directory} and its missing parents for {@code step}.
   *
   * @return whether anything was created
   */
  boolean createDirectories(String step, Path directory) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path dir = directory.toAbsolutePath(); dir != null && Files.notExists(dir); dir = dir.getParent()) {
      missing.push(dir);
    }
    boolean created = !missing.isEmpty();
    while (!missing.isEmpty()) {
      Path dir = missing.pop();
      Files.createDirectory(dir);
      recordCreated(step, dir);
    }
    return created;
  }

  /** Writes {@code bytes} to {@code file}, which must not exist yet, for {@code step}. */
  void createFile(String step, Path file, byte[] bytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      // Recorded before writing: a half-written file is the step's to delete too.
      recordCreated(step, file);
      out.write(bytes);
    }
  }

  /**
   * Deletes what {@code step} created, newest first (files before the directories holding them). Keeps
   * going when one deletion fails, then throws the first failure with the others suppressed. A
   * directory that is not empty is not deleted (its deletion fails): the export never deletes what it
   * did not create.
   */
  synchronized void deleteCreatedBy(String step) throws IOException {
    List<Path> paths = createdBy.getOrDefault(step, new ArrayList<>());
    IOException failure = null;
    for (int i = paths.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(paths.get(i));
        paths.remove(i);
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private synchronized void recordCreated(String step, Path path) {
    createdBy.computeIfAbsent(step, name -> new ArrayList<>()).add(path);
  }
}
