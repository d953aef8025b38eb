/**
 * Dataset format converters between Datamaker v2 (the platform's export layout: {@code json/*.json}
 * beside {@code original_files/}) and YOLO and COCO, both ways, as directory-to-directory functions
 * that write deterministic output (sorted, stable ids).
 */
package io.synapse.plugins.kits.dataset.convert;
