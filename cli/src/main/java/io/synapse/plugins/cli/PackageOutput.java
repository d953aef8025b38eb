package io.synapse.plugins.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where {@code synapse package} writes, and how, so that a reader never sees half a package and
 * nothing outside the output is touched:
 *
 * <ul>
 *   <li>The output is locked against other {@code synapse package} runs (in this process or another)
 *       by a lock file beside it, {@code .<name>.synapse-package.lock}, which stays; a second run
 *       waits up to {@value #LOCK_WAIT_SECONDS} s, then sees what the first one wrote.
 *   <li>Everything is built in a new hidden sibling ({@code .<name>.synapse-tmp-<random>}, created
 *       exclusively, so nothing can be planted in it) and put in place by renames: a zip replaces the
 *       old file (or a symbolic link in its place) in one atomic rename; a directory, which cannot be
 *       replaced in one step, is swapped by renaming the old one aside and deleting it.
 *   <li>An existing output is never written through: a symbolic link there, or inside an old output
 *       directory, is removed as a link, and its target is left as it was.
 * </ul>
 */
final class PackageOutput implements AutoCloseable {
  /** How long a run waits for another run packaging to the same output. */
  static final int LOCK_WAIT_SECONDS = 120;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path output;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private PackageOutput(Path output, FileChannel lockChannel, FileLock lock) {
    this.output = output;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Locks {@code output} (absolute, with a real parent) for this run, then checks that it may be
   * written: it does not exist, or is an empty directory, or {@code force} is given.
   */
  static PackageOutput open(Path output, boolean zip, boolean force) throws IOException {
    FileChannel channel = FileChannel.open(output.resolveSibling("." + output.getFileName() + ".synapse-package.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    try {
      PackageOutput opened = new PackageOutput(output, channel, acquire(channel, output));
      opened.checkWritable(zip, force);
      return opened;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static FileLock acquire(FileChannel channel, Path output) throws IOException {
    long deadline = System.nanoTime() + LOCK_WAIT_SECONDS * 1_000_000_000L;
    while (true) {
      try {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return lock;
        }
      } catch (OverlappingFileLockException heldInThisProcess) {
        // another thread of this JVM packages to the same output: wait for it as for another process
      }
      if (System.nanoTime() > deadline) {
        throw new CliException(ExitCodes.EXECUTION, "Another synapse package is still writing " + output
            + " after " + LOCK_WAIT_SECONDS + " s; try again when it has finished");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCodes.EXECUTION, "Interrupted while waiting to write " + output);
      }
    }
  }

  private void checkWritable(boolean zip, boolean force) throws IOException {
    if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS) || force) {
      return;
    }
    if (Files.isSymbolicLink(output)) {
      throw CliException.usage(output + " already exists as a symbolic link (synapse package never writes through one);"
          + " choose another -o or pass --force to replace the link itself");
    }
    if (zip || !isEmptyDirectory(output)) {
      throw CliException.usage(output + " already exists; choose another -o or pass --force");
    }
  }

  /** A new, empty, hidden directory beside the output, to build in. */
  Path newStagingDirectory() throws IOException {
    while (true) {
      try {
        return Files.createDirectory(sibling("synapse-tmp"));
      } catch (FileAlreadyExistsException taken) {
        // a random name already used: draw another
      }
    }
  }

  /** A new, empty, hidden file beside the output, to write a zip into. */
  Path newStagingFile() throws IOException {
    while (true) {
      try {
        return Files.createFile(sibling("synapse-tmp"));
      } catch (FileAlreadyExistsException taken) {
        // a random name already used: draw another
      }
    }
  }

  /** Puts {@code built} (a staging directory or file) in the output's place. */
  void publish(Path built) throws IOException {
    boolean exists = Files.exists(output, LinkOption.NOFOLLOW_LINKS);
    if (exists && !Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(built, LinkOption.NOFOLLOW_LINKS)) {
      // A file (or a link) replaced by a file: one atomic rename; a link is replaced, not followed.
      Files.move(built, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    if (!exists) {
      move(built, output);
      return;
    }
    Path old = sibling("synapse-old");
    move(output, old);
    try {
      move(built, output);
    } catch (IOException | RuntimeException e) {
      move(old, output);
      throw e;
    }
    deleteTree(old);
  }

  /** Releases the lock (the lock file stays, so that a waiting run keeps locking the same file). */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }

  /** Deletes {@code path} and what is under it, never following a symbolic link (a link is deleted itself). */
  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(path);
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path each : all) {
        Files.delete(each);
      }
    }
  }

  private Path sibling(String kind) {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    return output.resolveSibling("." + output.getFileName() + "." + kind + "-" + HexFormat.of().formatHex(random));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new CliException(ExitCodes.EXECUTION, "Cannot rename " + from + " to " + to + " atomically: " + e.getMessage(), e);
    }
  }

  private static boolean isEmptyDirectory(Path path) throws IOException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      return !entries.iterator().hasNext();
    }
  }
}
