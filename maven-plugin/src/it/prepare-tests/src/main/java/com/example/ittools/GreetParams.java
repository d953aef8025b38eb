package com.example.ittools;

import io.synapse.plugins.Default;
import io.synapse.plugins.Params;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Parameters of greet.
 *
 * @param name who to greet
 * @param times how often
 */
@Params
public record GreetParams(@NotBlank String name, @Default("1") @Min(1) @Max(5) int times) {}
