package dev.exemplar.plan;

import java.util.List;

/**
 * One document to write, with every attribute a generator needs. Attributes depend only on the
 * mix seed and the sample index, so any shard of a plan can be regenerated on its own.
 *
 * @param seed        per-sample seed driving every random choice of the generator
 * @param scenario    index into the archetype's scenarios
 * @param targetWords length the generator should aim for, inside the format's band
 * @param attempt     0 for the planned sample of slot {@code index}; k for its k-th replacement
 *                    after rejections (its own id and seed, from (run seed, index, attempt))
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
        List<Person> people,
        int attempt) {
    /** The first attempt at a slot. */
    public PlannedSample(long index, String id, long seed, String archetype, String format, String generator, int scenario,
                         boolean crisis, String setting, String tone, String pov, int targetWords, AiCharacter ai,
                         List<Person> people) {
        this(index, id, seed, archetype, format, generator, scenario, crisis, setting, tone, pov, targetWords, ai, people, 0);
    }

    /** The same sample as attempt {@code k} (its id and seed are the caller's). */
    public PlannedSample withAttempt(int k) {
        return new PlannedSample(index, id, seed, archetype, format, generator, scenario, crisis, setting, tone, pov,
                targetWords, ai, people, k);
    }

    /** The same sample aiming at another length (the control arm matches its twin's length this way). */
    public PlannedSample withTargetWords(int words) {
        return new PlannedSample(index, id, seed, archetype, format, generator, scenario, crisis, setting, tone, pov,
                words, ai, people, attempt);
    }
}
