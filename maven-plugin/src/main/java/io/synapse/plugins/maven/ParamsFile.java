package io.synapse.plugins.maven;

import java.io.File;

/**
 * One params file to check against an action, in the {@code validate} goal's {@code paramsFiles}:
 * {@code <paramsFile><action>train</action><file>configs/big.yaml</file></paramsFile>}.
 */
public final class ParamsFile {
  private String action;
  private File file;

  /** For Maven. */
  public ParamsFile() {}

  /** A file to check against {@code action}. */
  ParamsFile(String action, File file) {
    this.action = action;
    this.file = file;
  }

  /** The action whose params the file holds. */
  public String getAction() {
    return action;
  }

  /** The JSON or YAML file. */
  public File getFile() {
    return file;
  }
}
