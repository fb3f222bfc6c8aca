package dev.exemplar.plan;

import java.util.List;

/**
 * One document to write, with every attribute a generator needs. Attributes depend only on the
 * mix seed and the sample index, so any shard of a plan can be regenerated on its own.
 *
 * @param seed        per-sample seed driving every random choice of the generator
 * @param scenario    index into the archetype's scenarios
 * @param targetWords length the generator should aim for, inside the format's band
 */
public record PlannedSample(
        long index,
        String id,
        long seed,
        String archetype,
        String format,
        String generator,
        int scenario,
        boolean crisis,
        String setting,
        String tone,
        String pov,
        int targetWords,
        AiCharacter ai,
        List<Person> people) {}
