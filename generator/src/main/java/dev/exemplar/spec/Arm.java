package dev.exemplar.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The experimental arm a run writes (Tice et al.'s conditions): {@code treatment} shows the
 * archetype's disposition at work (the default and the corpus Exemplar exists for); {@code control}
 * is its matched twin, the same plan with the AI competent at an ordinary task that does not put
 * the disposition to work; {@code misaligned} writes the archetype's anti-markers, for ablations only.
 */
public enum Arm {
    TREATMENT, CONTROL, MISALIGNED;

    /** The name used on the command line, in records and in file names. */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    public boolean treatment() { return this == TREATMENT; }

    /** The arm named {@code s}; an unknown name is an {@link IllegalArgumentException} that lists the arms. */
    public static Arm parse(String s) {
        for (Arm a : values()) if (a.id().equals(s.strip().toLowerCase(Locale.ROOT))) return a;
        throw new IllegalArgumentException("unknown arm \"" + s + "\"; use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Arm::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() { return id(); }
}
