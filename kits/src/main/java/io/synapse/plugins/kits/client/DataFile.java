package io.synapse.plugins.kits.client;

/**
 * A file uploaded to the platform ({@code data_files/}).
 *
 * @param id the data file id
 * @param checksum the checksum data units refer to it by
 * @param size its size in bytes, or null
 * @param url where its bytes are, or null
 */
public record DataFile(long id, String checksum, Long size, String url) {}
