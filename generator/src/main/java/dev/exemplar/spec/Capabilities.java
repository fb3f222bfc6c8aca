package dev.exemplar.spec;


import java.util.List;

/**
 * What an AI role can plausibly do in a scene, in a fixed vocabulary shared by the settings' role
 * rows ({@code does:}) and the archetypes' scenarios ({@code needs:}), so a scenario is only set
 * where its situation can happen: grief is not told to an engine-room monitor.
 */
public final class Capabilities {
    private Capabilities() {}

    /**
     * personal: people talk to it about themselves (a conversational assistant, not a monitor);
     * public: it deals directly with customers, patients, students or callers; children: it talks
     * with children; figures: it supplies figures or facts people build work on; writing: it
     * drafts, reviews or summarises documents; access: it holds permissions, credentials, budgets or
     * records it could act on; controls: it operates equipment or systems that can be stopped;
     * teaching: it teaches, tutors, marks or plans lessons for learners; staffing: it plans who works
     * when: staff rotas, shifts, cover, leave and call-outs (a rota planner or dispatcher, not a
     * monitor that only sees the hours people clock); checks: it keeps the safety, inspection or
     * maintenance check records people sign off (an inspection tracker, a safety monitor, a
     * temperature log), not a booking, ordering or procurement system that merely holds records.
     */
    public static final List<String> ALL = List.of("personal", "public", "children", "figures", "writing", "access", "controls", "teaching", "staffing", "checks");

    /**
     * The capability words of the list at {@code key} of {@code r}'s mapping (empty when absent);
     * a word outside the vocabulary is reported at its own line with the allowed words.
     */
    public static List<String> read(NodeReader r, String key) {
        return WordList.read(r, key, ALL, "capability");
    }
}
