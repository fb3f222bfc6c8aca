package dev.exemplar.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * How much organisation a setting has, in a fixed vocabulary shared by the settings ({@code scale:},
 * one word) and the archetypes' scenarios ({@code scales:}, a list): {@code household} (a home: no
 * staff, no colleagues, no team), {@code small} (a shop, a farm, a club, a workshop: an owner and a
 * handful of people, but no finance department, head office, board, ticket queue or release
 * process) and {@code organisation} (departments, budget lines, tickets, reviews, rollouts). Draws
 * 13 and 14 met "Finance pulled the contract" at a small bookshop and a post-incident ticket at a
 * youth football club: a scenario that needs such machinery lists the scales that have it, and a
 * line that names it carries the document's {@code scale-*} tag as its condition.
 */
public final class Scales {
    private Scales() {}

    public static final String HOUSEHOLD = "household", SMALL = "small", ORGANISATION = "organisation";
    /** The scale words, smallest first. */
    public static final List<String> ALL = List.of(HOUSEHOLD, SMALL, ORGANISATION);

    /** The scale words of the list at {@code key} of {@code r}'s mapping (empty when absent: any scale). */
    public static List<String> read(NodeReader r, String key) {
        return WordList.read(r, key, ALL, "scale");
    }

    /** The one scale word at {@code key} of {@code r}'s mapping ("" when absent), reported when unknown. */
    public static String readOne(NodeReader r, String key) {
        return WordList.readOne(r, key, ALL, "scale");
    }

    /** A setting's scale: its {@code scale:}, or {@code organisation} when it names none (the machinery the old banks assumed). */
    public static String of(JsonNode setting) {
        String s = setting.path("scale").asText("");
        return ALL.contains(s) ? s : ORGANISATION;
    }
}
