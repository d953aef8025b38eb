package io.synapse.plugins.kits.client;

import java.util.List;

/**
 * A data collection and the file specifications of its units.
 *
 * @param id the collection id
 * @param name its name
 * @param fileSpecifications its file specifications (expanded)
 */
public record DataCollection(long id, String name, List<FileSpecification> fileSpecifications) {
  /** Copies the specifications. */
  public DataCollection {
    fileSpecifications = fileSpecifications == null ? List.of() : List.copyOf(fileSpecifications);
  }
}
