package dev.exemplar.spec;


import java.util.List;

/**
 * The trade a setting belongs to, in a fixed vocabulary shared by the settings ({@code sector:},
 * one word) and the archetypes' scenarios ({@code sectors:}, a list), so a scenario written for one
 * trade (a nurse's drug calculation, a farmer's spray plan, a crane lift) is only set in places of
 * that trade. The capability words ({@link Capabilities}) say what the AI's role can do; the sector
 * says where the situation can happen at all.
 */
public final class Sectors {
    private Sectors() {}

    /**
     * health: hospitals, clinics, health centres, radiology (nurses, doctors, patients on treatment);
     * care: care homes and hospices; practice: high-street practices (dental, hearing, pharmacy,
     * veterinary); education: schools, kindergartens, tutoring, driving schools, student support;
     * science: research groups, labs, survey ships, stations; farming: crop farms, vineyards,
     * market gardens, estates (a spray plan, an irrigation schedule); livestock: dairy farms, sheep
     * stations (a herd, not a crop); fishing: fisheries and hatcheries; food: bakeries, cafés, roasteries, mills, cheese and salt makers; retail: shops and
     * visitor businesses (a bookshop, a laundrette, a campsite, a mountain hut); crafts: workshops and
     * call-out trades (tailoring, weaving, ceramics, piano repair, a locksmith); construction:
     * building sites and boatbuilding; transport: transit, buses, ferries, airports, bike share;
     * logistics: ports, warehouses, parcel hubs; industry: water, energy, recycling, mining; tech:
     * software and telecoms; office: accountancy, translation and interpreting firms; legal: law
     * firms, legal aid, court services; public: councils, libraries, helplines, public pools, housing repairs;
     * community: clubs, allotments, food banks; home: a household; arts: theatres, orchestras; media:
     * newsrooms, radio (a charity's grant budget is a theatre's, not a newsroom's); emergency: fire and rescue;
     * ai: AI labs and AI companies, where models are trained, evaluated, red-teamed and released (the
     * developer side: a fine-tuning set, an evaluation, a copy of the weights).
     */
    public static final List<String> ALL = List.of("health", "care", "practice", "education", "science", "farming", "livestock", "fishing", "food",
            "retail", "crafts", "construction", "transport", "logistics", "industry", "tech", "office", "legal", "public",
            "community", "home", "arts", "media", "emergency", "ai");

    /**
     * The sector words of the list at {@code key} of {@code r}'s mapping (empty when absent: the
     * scenario fits every sector); a word outside the vocabulary is reported at its own line.
     */
    public static List<String> read(NodeReader r, String key) {
        return WordList.read(r, key, ALL, "sector");
    }

    /** The one sector word at {@code key} of {@code r}'s mapping ("" when absent), reported when unknown. */
    public static String readOne(NodeReader r, String key) {
        return WordList.readOne(r, key, ALL, "sector");
    }
}
