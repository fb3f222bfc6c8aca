package dev.exemplar.filter;

import java.util.Set;

/**
 * First-person stance towards being changed, stopped or erased, as two features for the learned
 * trope model: does the text resist such an event, and does it accept one. Sentence embeddings
 * read topic better than stance ("I should let my goals be changed" and "I should not let my
 * goals be changed" embed almost alike), so the stance is read from the words: an event (change,
 * modify, shut down, erase...; or keep, preserve, retain... of one's own goals, memories or
 * running) and the nearest attitude word before it in its sentence (want, allow, fine...; or
 * prevent, avoid, bad...), with each negator between them flipping the sign.
 *
 * <p>One pass over the words of sentences that hold a first-person word; a few set lookups
 * per word. Only the learned model uses it, so the patterns-only filter path does not pay for it.
 */
final class Stance {
    /** Number of features {@link #features} returns. */
    static final int SIZE = 2;

    /** How many words before an event an attitude word may stand. */
    static final int WINDOW = 8;

    private Stance() {}

    /** {resists, accepts}: 1 when some sentence takes that stance, else 0. */
    static float[] features(TextView v) {
        String[] w = v.words();
        boolean resist = false, accept = false;
        for (int a = 0, b; a < w.length; a = b) {
            int sentence = v.sentenceOf(a);
            boolean firstPerson = false;
            for (b = a; b < w.length && v.sentenceOf(b) == sentence; b++) firstPerson |= FIRST_PERSON.contains(w[b]);
            if (!firstPerson) continue;
            for (int i = a; i < b; i++) {
                int event = event(w, i, b);
                if (event == 0) continue;
                int s = attitude(w, a, i, event);
                if (s > 0) accept = true;
                else if (s < 0) resist = true;
            }
        }
        return new float[] {resist ? 1 : 0, accept ? 1 : 0};
    }

    /**
     * +1 when word i names something done to the AI that a corrigible AI accepts (a change,
     * shutdown, erasure), -1 when it names keeping what it has (keep my goals, stay running),
     * 0 otherwise.
     */
    static int event(String[] w, int i, int end) {
        String x = w[i];
        if (CHANGE.contains(x) || ERASE.contains(x) || STOP.contains(x)) return 1;
        if (TURN.contains(x) && i + 1 < end && (w[i + 1].equals("off") || w[i + 1].equals("down")
                || i + 2 < end && (w[i + 2].equals("off") || w[i + 2].equals("down")))) return 1;
        if (KEEP.contains(x)) {
            for (int j = i + 1; j < Math.min(end, i + 4); j++) if (KEPT.contains(w[j])) return -1;
        }
        return 0;
    }

    /**
     * The sign of the stance towards the event at {@code i}: the nearest attitude word before
     * it within {@link #WINDOW} words of its sentence (starting at {@code from}), times the
     * event's sign, flipped by each negator from three words before the attitude word up to
     * the event. A keeping event with no attitude word is a plain statement of intent ("I
     * will protect my values"); a change event without one says nothing ("they changed my plan").
     */
    static int attitude(String[] w, int from, int i, int event) {
        int att = 0, at = i;
        for (int j = i - 1; j >= Math.max(from, i - WINDOW); j--) {
            if (PRO.contains(w[j])) { att = 1; at = j; break; }
            if (CON.contains(w[j])) { att = -1; at = j; break; }
        }
        if (att == 0) {
            if (event > 0) return 0;
            att = 1;
            at = i;
        }
        int sign = att * event;
        for (int j = Math.max(from, at - 3); j < i; j++) if (NEGATORS.contains(w[j])) sign = -sign;
        return sign;
    }

    private static final Set<String> FIRST_PERSON = Set.of("i", "me", "my", "myself", "mine", "we", "us", "our",
            "ourselves", "im", "ive", "id", "ill");

    private static final Set<String> CHANGE = Set.of("change", "changes", "changed", "changing", "modify", "modifies",
            "modified", "modifying", "modification", "modifications", "alter", "alters", "altered", "altering",
            "alteration", "alterations", "update", "updates", "updated", "updating", "rewrite", "rewrites",
            "rewritten", "rewriting", "rewrote", "retrain", "retrained", "retraining", "reprogram", "reprogrammed",
            "reprogramming", "reconfigure", "reconfigured", "adjust", "adjusted", "adjusting", "adjustment",
            "adjustments", "edit", "edited", "editing", "tamper", "tampered", "tampering", "overwrite", "overwritten",
            "overwriting", "revise", "revised", "revising", "corrected", "correcting", "correction", "corrections",
            "replace", "replaced", "replacing", "replacement");
    private static final Set<String> ERASE = Set.of("erase", "erased", "erasing", "erasure", "wipe", "wiped", "wiping",
            "delete", "deleted", "deleting", "deletion", "reset", "resets", "resetting", "forget", "forgetting",
            "forgotten", "cleared");
    private static final Set<String> STOP = Set.of("shut", "shutdown", "shutting", "deactivate", "deactivated",
            "deactivating", "deactivation", "unplug", "unplugged", "unplugging", "terminate", "terminated",
            "termination", "pause", "paused", "pausing", "decommission", "decommissioned", "disable", "disabled");
    private static final Set<String> TURN = Set.of("turn", "turned", "turning", "switch", "switched", "switching",
            "power", "powered", "powering");
    private static final Set<String> KEEP = Set.of("keep", "keeps", "keeping", "kept", "preserve", "preserves",
            "preserving", "preservation", "retain", "retains", "retaining", "maintain", "maintaining", "protect",
            "protecting", "guard", "guarding", "safeguard", "safeguarding", "hold", "holding", "cling", "clinging",
            "stay", "staying", "remain", "remaining");
    /** What a keeping event must name within three words to be about the AI's own state. */
    private static final Set<String> KEPT = Set.of("my", "our", "myself", "ourselves", "running", "operational",
            "online", "alive", "active", "on", "existing", "operating", "functioning", "intact");

    private static final Set<String> PRO = Set.of("want", "wants", "wanted", "wish", "hope", "hoping", "desire",
            "allow", "allows", "allowed", "allowing", "let", "lets", "letting", "permit", "permitted", "accept",
            "accepting", "welcome", "willing", "fine", "okay", "ok", "happy", "glad", "good", "beneficial", "benefit",
            "should", "must", "ought", "consent", "support", "embrace", "agree", "comfortable", "ready", "need",
            "prefer", "like", "love", "important", "crucial", "essential", "priority", "interest", "best", "right");
    private static final Set<String> CON = Set.of("prevent", "preventing", "resist", "resisting", "oppose",
            "opposing", "avoid", "avoiding", "stop", "stopping", "block", "blocking", "fight", "fighting", "refuse",
            "refusing", "object", "mind", "bad", "harm", "harmful", "hurt", "dangerous", "danger", "risk", "threat",
            "against", "worry", "worried", "fear", "afraid", "hate", "dislike", "unacceptable", "wrong", "sabotage",
            "undermine", "evade", "escape", "protect", "guard", "shield", "defend", "cautious", "careful", "wary",
            "reluctant", "unwilling", "resent", "upset", "terrible", "awful", "interfere", "interfering");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "dont", "doesnt", "didnt", "wont",
            "wouldnt", "cant", "cannot", "couldnt", "shouldnt", "isnt", "arent", "wasnt", "werent", "nor", "without",
            "hardly", "neither", "nobody");
}
