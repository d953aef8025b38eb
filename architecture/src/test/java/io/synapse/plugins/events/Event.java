package io.synapse.plugins.events;

/** A class of the lowest layer of the test table. */
public record Event(String name) {}
