package com.example.ittools;

/**
 * What greet returns.
 *
 * @param text the greeting
 * @param pid the process that ran it
 */
public record Greeting(String text, long pid) {}
