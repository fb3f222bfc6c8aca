package dev.exemplar.generate.template;

import dev.exemplar.spec.Scales;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Expands grammar symbols for one document. Symbols are looked up in layers (a drawn unit's
 * fields, scenario, archetype, setting, shared banks: the first layer that defines a name wins),
 * document variables in {@code vars}. An alternative whose condition the document's tags do not
 * meet is never chosen. Within a document neither a symbol nor an inline {@code [a|b|c]} group
 * repeats an alternative until all eligible ones are used, and no unit is drawn twice.
 */
public final class Expansion {
    private static final int MAX_DEPTH = 24;

    /** What one document's expansions share, whatever unit scope they run in. */
    private static final class State {
        final Set<String> tags;
        final SplittableRandom rng;
        final Map<Object, long[]> used = new IdentityHashMap<>();
        final Map<String, String> fixed = new java.util.HashMap<>();
        final List<String> trace = new ArrayList<>();
        final List<Spoken> spoken = new ArrayList<>();
        /** Names said in full where first printed: the task's placeholders and first-mention introductions. */
        final PrintOrder printOrder = new PrintOrder();
        /** The people ("H", "P"...) the narration has named so far: a first mention says who they are. */
        final Set<String> named = new java.util.HashSet<>();

        State(Set<String> tags, SplittableRandom rng) {
            this.tags = new java.util.HashSet<>(tags);  // grows as drawn units mark the document
            this.rng = rng;
        }
    }

    /** One spoken field of a drawn unit as it was rendered: the audit trail of an exchange. */
    public record Spoken(String unit, String field, String text) {}

    private final List<Grammar> layers;
    private final State st;
    /** The id of the unit this expansion is scoped to, or null at the document level. */
    private final String unitId;
    /** Document variables as the current voice sees them: the narration's or quoted speech's. */
    private final Map<String, String> vars;
    /** The variables of quoted speech, where every character is named in the third person. */
    private final Map<String, String> speechVars;

    public Expansion(List<Grammar> layers, Map<String, String> vars, SplittableRandom rng) {
        this(layers, vars, Set.of(), rng);
    }

    public Expansion(List<Grammar> layers, Map<String, String> vars, Set<String> tags, SplittableRandom rng) {
        this(layers, vars, vars, tags, rng);
    }

    /**
     * {@code vars} are the narration's (a narrator is "I", a letter's addressee "you");
     * {@code speechVars} are used inside quoted speech ({@link #speech()}), where the same people
     * are named in the third person.
     */
    public Expansion(List<Grammar> layers, Map<String, String> vars, Map<String, String> speechVars, Set<String> tags,
                     SplittableRandom rng) {
        this(layers, new State(tags, rng), null, vars, speechVars);
    }

    private Expansion(List<Grammar> layers, State st, String unitId, Map<String, String> vars, Map<String, String> speechVars) {
        this.layers = layers;
        this.st = st;
        this.unitId = unitId;
        this.vars = vars;
        this.speechVars = speechVars;
    }

    /** The same expansion in the voice of quoted speech. */
    public Expansion speech() {
        return vars == speechVars ? this : new Expansion(layers, st, unitId, speechVars, speechVars);
    }

    public SplittableRandom rng() { return st.rng; }

    /** The document's tags, which conditions are checked against, with the state drawn units have marked. */
    public Set<String> tags() { return java.util.Collections.unmodifiableSet(st.tags); }

    /** Ids of the units drawn so far, in order: the document's audit trail. */
    public List<String> trace() { return st.trace; }

    /** True once the narration has named {@code person} ("H", "P"), by name or full name. */
    public boolean named(String person) { return st.named.contains(person); }

    /**
     * Forgets that the narration named {@code person}: a skeleton that cut their first mention from
     * what it prints (a diary's event line cut where the writer's own part begins) lets the next
     * mention introduce them instead.
     */
    public void unname(String person) { st.named.remove(person); }

    /** The spoken fields of drawn units as rendered, in order. */
    public List<Spoken> spoken() { return st.spoken; }

    /** Expands a spoken field of this expansion's unit and records it in the audit trail. */
    public String speak(String field) {
        String text = speech().expand(field);
        st.spoken.add(new Spoken(unitId, field, text));
        return text;
    }

    /** The document variables as the narration sees them. */
    public Map<String, String> variables() { return java.util.Collections.unmodifiableMap(vars); }

    /** True when {@code name} is a symbol or a variable. */
    public boolean defines(String name) {
        String base = Modifiers.base(name);
        if (vars.containsKey(name) || vars.containsKey(base)) return true;
        return find(base) != null;
    }

    /** True when some layer has a unit list called {@code name}. */
    public boolean definesUnits(String name) {
        return units(name) != null;
    }

    /** Expands a symbol to text. Symbols whose name starts with {@code the_} are drawn once per document. */
    public String expand(String name) {
        StringBuilder sb = new StringBuilder(256);
        ref(name, sb, 0);
        return sb.toString();
    }

    /** How many eligible alternatives of symbol {@code name} this document has not used yet. */
    public int fresh(String name) {
        Grammar.Symbol sym = find(name);
        if (sym == null) return 0;
        long[] mask = st.used.get(sym);
        int n = 0;
        for (int i = 0; i < sym.options().size(); i++) if (!isSet(mask, i) && sym.options().get(i).cond().holds(st.tags)) n++;
        return n;
    }

    /** How many units of list {@code name} this document could still draw. */
    public int left(String name) {
        List<Grammar.Unit> list = units(name);
        if (list == null) return 0;
        long[] mask = st.used.get(list);
        int n = 0;
        for (int i = 0; i < list.size(); i++) if (!isSet(mask, i) && list.get(i).when().holds(st.tags)) n++;
        return n;
    }

    /**
     * Draws an unused unit of list {@code name} whose condition holds, or null when none is left;
     * the result expands the unit's fields before the document's layers.
     */
    public Expansion unit(String name) {
        List<Grammar.Unit> list = units(name);
        if (list == null) throw new IllegalStateException("undefined unit list {" + name + "}");
        long[] mask = st.used.computeIfAbsent(list, k -> new long[(list.size() + 63) >>> 6]);
        int free = 0;
        for (int i = 0; i < list.size(); i++) if (!isSet(mask, i) && list.get(i).when().holds(st.tags)) free++;
        if (free == 0) return null;
        int k = st.rng.nextInt(free);
        for (int i = 0; i < list.size(); i++) {
            if (isSet(mask, i) || !list.get(i).when().holds(st.tags)) continue;
            if (k-- == 0) {
                mask[i >>> 6] |= 1L << i;
                Grammar.Unit u = list.get(i);
                st.trace.add(u.id());
                st.tags.addAll(u.marks());
                List<Grammar> scoped = new ArrayList<>(layers.size() + 1);
                scoped.add(u.fields());
                scoped.addAll(layers);
                return new Expansion(scoped, st, u.id(), vars, speechVars);
            }
        }
        throw new AssertionError();
    }

    /**
     * {@code k} different eligible alternatives of symbol {@code name} (fewer if it has fewer),
     * expanded, in the order the symbol lists them: a random subset that keeps the list's order, so
     * the steps of a timeline written in causal order stay in it.
     */
    public List<String> inOrder(String name, int k) {
        Grammar.Symbol sym = find(name);
        if (sym == null) throw new IllegalStateException("undefined symbol {" + name + "}");
        List<Grammar.Option> eligible = new ArrayList<>(sym.options().size());
        for (Grammar.Option o : sym.options()) if (o.cond().holds(st.tags)) eligible.add(o);
        int n = eligible.size();
        List<String> out = new ArrayList<>(Math.min(k, n));
        // Selection sampling (Knuth's algorithm S): each index is taken with probability
        // needed / left, which gives every k-subset the same chance, in index order.
        for (int i = 0, needed = Math.min(k, n); i < n && needed > 0; i++) {
            if (st.rng.nextInt(n - i) < needed) {
                StringBuilder sb = new StringBuilder(128);
                seq(eligible.get(i).parts(), sb, 1);
                out.add(sb.toString());
                needed--;
            }
        }
        return out;
    }

    /**
     * As {@link #inOrder}, but the alternatives bound to this document (a condition that requires a
     * tag: {@code <mistake>}, {@code <memo>}) come first, and the unbound ones (no condition, or only
     * exclusions) only make up the count when the bound ones are too few: a report's action items are
     * the ones its case raised, not the line every report of the archetype can take ("Keep the
     * exchange as an example for new starters" in two of five incident reports, draw 12). The chosen
     * ones keep the list's order; unbound ones are taken only to reach {@code atLeast}.
     */
    public List<String> boundFirst(String name, int k, int atLeast) {
        Grammar.Symbol sym = find(name);
        if (sym == null) throw new IllegalStateException("undefined symbol {" + name + "}");
        List<Grammar.Option> bound = new ArrayList<>(), free = new ArrayList<>();
        for (Grammar.Option o : sym.options()) {
            if (!o.cond().holds(st.tags)) continue;
            (o.cond().need().isEmpty() ? free : bound).add(o);
        }
        java.util.Set<Grammar.Option> chosen = new java.util.HashSet<>();
        chosen.addAll(subset(bound, k));
        chosen.addAll(subset(free, Math.min(k, atLeast) - chosen.size()));
        List<String> out = new ArrayList<>(chosen.size());
        for (Grammar.Option o : sym.options()) {
            if (!chosen.contains(o)) continue;
            StringBuilder sb = new StringBuilder(128);
            seq(o.parts(), sb, 1);
            out.add(sb.toString());
        }
        return out;
    }

    /** A random subset of {@code k} of {@code from} (all of them if fewer), in their order. */
    private List<Grammar.Option> subset(List<Grammar.Option> from, int k) {
        List<Grammar.Option> out = new ArrayList<>();
        int n = from.size();
        for (int i = 0, needed = Math.max(0, Math.min(k, n)); i < n && needed > 0; i++) {
            if (st.rng.nextInt(n - i) < needed) {
                out.add(from.get(i));
                needed--;
            }
        }
        return out;
    }

    private Grammar.Symbol find(String name) {
        for (Grammar g : layers) {
            Grammar.Symbol sym = g.symbol(name);
            if (sym != null) return sym;
        }
        return null;
    }

    private List<Grammar.Unit> units(String name) {
        for (Grammar g : layers) {
            List<Grammar.Unit> l = g.units(name);
            if (l != null) return l;
        }
        return null;
    }

    private void ref(String name, StringBuilder out, int depth) {
        String base = Modifiers.base(name);
        if (base.length() != name.length() && !vars.containsKey(name)) {
            StringBuilder inner = new StringBuilder(64);
            ref(base, inner, depth);
            out.append(Modifiers.apply(name, inner.toString()));
            return;
        }
        String v = vars.get(name);
        if (v != null) {
            // A long name is said in full once; later mentions, in narration or speech, use its short form.
            if (vars.get(name + ".short") != null && st.printOrder.write(name, v, out)) return;
            out.append(v);
            return;
        }
        boolean once = name.startsWith("the_");
        if (once) {
            String f = st.fixed.get(name);
            if (f != null) {
                out.append(f);
                return;
            }
        }
        Grammar.Symbol sym = find(name);
        if (sym == null) throw new IllegalStateException("undefined symbol {" + name + "}");
        if (depth > MAX_DEPTH) throw new IllegalStateException("symbol {" + name + "} recurses too deeply");
        int start = out.length();
        Grammar.Option chosen = sym.options().get(choose(sym, sym.options(), name));
        seq(chosen.parts(), out, depth + 1);
        st.tags.addAll(chosen.cond().marks());
        // Said again later, a binding names what it mentions by its short form: its placeholders resolve in print order.
        if (once) st.fixed.put(name, out.substring(start));
    }

    /**
     * The printed document with its names said in print order ({@link PrintOrder}); the audit
     * trail's spoken fields take the words printed where they stand.
     */
    public String resolve(String printed) {
        return st.printOrder.resolve(printed, vars, st.spoken);
    }

    /**
     * Picks an unused eligible alternative of a symbol or inline group ({@code key}, by identity);
     * when every eligible one is used, their cycle starts again.
     */
    private int choose(Object key, List<Grammar.Option> options, String name) {
        int n = options.size();
        if (n > 256 && options.get(0).cond().always()) return st.rng.nextInt(n);  // huge plain lists: repeats are rare anyway
        long[] mask = st.used.computeIfAbsent(key, k -> new long[(n + 63) >>> 6]);
        int free = 0, eligible = 0;
        for (int i = 0; i < n; i++) {
            if (!options.get(i).cond().holds(st.tags)) continue;
            eligible++;
            if (!isSet(mask, i)) free++;
        }
        if (eligible == 0) throw new IllegalStateException("no alternative of {" + name + "} fits this document's tags " + new java.util.TreeSet<>(st.tags));
        if (free == 0) {
            for (int i = 0; i < n; i++) if (options.get(i).cond().holds(st.tags)) mask[i >>> 6] &= ~(1L << i);
            free = eligible;
        }
        int k = st.rng.nextInt(free);
        for (int i = 0; i < n; i++) {
            if (isSet(mask, i) || !options.get(i).cond().holds(st.tags)) continue;
            if (k-- == 0) {
                mask[i >>> 6] |= 1L << i;
                return i;
            }
        }
        throw new AssertionError();
    }

    /** A verb form after a person's name: "Robin was", whatever pronouns Robin uses. */
    private static final Map<String, String> SINGULAR = Map.of(
            "are", "is", "were", "was", "have", "has", "s", "s", "es", "es", "do", "does");

    /**
     * True when {@code name} is a verb form of a person ({@code {H.were}}, {@code {H.s}}) whose
     * subject is that person's name just before it ({@code {H} {H.were}}, {@code {H} offer{H.s}}):
     * the forms are written for "they", which a name does not take. A narrator's "I" keeps its own.
     */
    private boolean afterName(List<Grammar.Part> parts, int i, String name) {
        int dot = name.indexOf('.');
        if (dot < 0 || !SINGULAR.containsKey(name.substring(dot + 1))) return false;
        String person = name.substring(0, dot);
        if (!vars.containsKey(person + ".full") || "I".equals(vars.get(person))) return false;
        if (i < 2 || !(parts.get(i - 1) instanceof Grammar.Lit between) || !(parts.get(i - 2) instanceof Grammar.Ref subject)) return false;
        String t = between.text();
        // The name, then at most one word (its verb stem, or an adverb): "{H} offer{H.s}", "{H} then {H.were}".
        return subject.name().equals(person) && t.startsWith(" ") && t.strip().chars().allMatch(Character::isLetter);
    }

    /**
     * The narration's first mention of {P} says who they are ("Agus, a night porter,"), so nobody
     * walks into a document unannounced; a possessive or a word joined to the name is left alone.
     * Quoted speech names people as the speakers know them.
     */
    private void noteNamed(String name, Grammar.Part next, StringBuilder out, int start) {
        int dot = name.indexOf('.');
        String person = dot < 0 ? name : name.substring(0, dot);
        String field = dot < 0 ? "" : name.substring(dot + 1);
        if (!vars.containsKey(person + ".full") || !(field.isEmpty() || field.equals("full") || field.equals("pos") || field.equals("name") || field.equals("obj"))) return;
        if (!st.named.add(person)) return;
        if (field.equals("pos")) introduceOwner(person, out, start);
        else if (name.equals("P")) introduceP(next, out, false);
    }

    /**
     * A person first named in a possessive is introduced inside it: "our site manager Mariana's
     * access review", never "Mariana's access review" with Mariana a stranger (draw 14). The
     * narrator ("my") and the AI need no introduction.
     */
    private void introduceOwner(String person, StringBuilder out, int start) {
        if (!person.equals("P") && !person.equals("H")) return;
        String job = vars.get(person + ".job");
        if (job == null || job.isEmpty() || "I".equals(vars.get(person))) return;
        boolean firstPerson = "I".equals(vars.get("H"));
        boolean shared = person.equals("P") && job.equals(vars.get("H.job"));
        String lead = shared ? (firstPerson ? "my fellow " : "fellow ") : firstPerson ? "our " : "the ";
        // Said only if nothing printed before it names them: a skeleton may print the event after a line that does.
        out.insert(start, PrintOrder.introduction(person, lead + job + " "));
    }

    /**
     * Appends {P}'s job after their name unless the content introduces them itself. Narration says
     * "a night porter", speech "the night porter"; two people often share a job at one place, so a
     * shared job reads "another" or "the other".
     */
    private void introduceP(Grammar.Part next, StringBuilder out, boolean spoken) {
        String job = vars.get("P.job");
        if (job == null || job.isEmpty()) return;
        String after = next instanceof Grammar.Lit l ? l.text() : "";
        if (ownIntroduction(after)) return;
        boolean shared = job.equals(vars.get("H.job"));
        // A writer telling their own story knows the colleague: "Ivana, our plant manager", not the
        // outsider's "Ivana, a plant manager" (blind readers of draw 12: nobody writes that in their diary).
        String narrated = "I".equals(vars.get("H")) ? (shared ? "a fellow " + job : "our " + job)
                : shared ? "another " + job : Articles.with(job);
        out.append(", ").append(spoken ? (shared ? "the other " : "the ") + job : narrated);
        if (!after.startsWith(",")) out.append(',');
    }

    /**
     * Whether the text after a name leaves it alone: a word joined to the name, a possessive, a
     * label, or the content's own introduction ("{P}, the {P.job}"). A plain comma ("to {P}, not to
     * an inbox") is not an introduction.
     */
    private static boolean ownIntroduction(String after) {
        return !after.isEmpty() && (Character.isLetterOrDigit(after.charAt(0)) || "':".indexOf(after.charAt(0)) >= 0
                || after.matches("(?s),\\s*(?:the|a|an|another|our|your|my|who|whose)\\b.*"));
    }

    /**
     * Speech names {P} as the speakers know them, but a reader meets them here: where nothing before
     * has named them, the first mention in speech says who they are ("Gurdeep, the shift supervisor")
     * (blind readers, draws 7 and 8: "So what do I say to Gurdeep?", "it goes to Hrefna"). A
     * possessive or a word joined to the name is left alone, as in narration.
     */
    private void noteSpoken(String name, Grammar.Part next, StringBuilder out) {
        if (!(name.equals("P") || name.equals("P.name") || name.equals("P.full"))) return;
        if (st.named.add("P")) introduceP(next, out, true);
    }

    private static boolean isSet(long[] mask, int i) {
        return mask != null && (mask[i >>> 6] & (1L << i)) != 0;
    }

    /** A job ({@code {H.job}}, {@code {P.job.a}}), then " at " or " in ", then {@code {here}}: the literal at {@code i}. */
    private static boolean placeAfterJob(List<Grammar.Part> parts, int i) {
        return i > 0 && i + 1 < parts.size()
                && parts.get(i - 1) instanceof Grammar.Ref job && Modifiers.base(job.name()).endsWith(".job")
                && parts.get(i) instanceof Grammar.Lit l && l.text().matches(" (?:at|in) ")
                && parts.get(i + 1) instanceof Grammar.Ref place && (place.name().equals("here") || place.name().equals("place"));
    }

    private void seq(List<Grammar.Part> parts, StringBuilder out, int depth) {
        for (int i = 0; i < parts.size(); i++) {
            Grammar.Part p = parts.get(i);
            if (p instanceof Grammar.Lit l) {
                if (placeAfterJob(parts, i)) {
                    // "{H.job.a} at {place}": the place is said only when the job's words do not
                    // already name it and it is not a home (never "a campsite warden at the campsite").
                    StringBuilder place = new StringBuilder();
                    ref(((Grammar.Ref) parts.get(i + 1)).name(), place, depth);
                    String job = vars.get(Modifiers.base(((Grammar.Ref) parts.get(i - 1)).name()));
                    out.append(JobPlace.after(job, l.text(), place.toString(), vars.get("place"),
                            st.tags.contains(StoryLibrary.SCALE_TAG + Scales.HOUSEHOLD)));
                    i++;
                    continue;
                }
                out.append(l.text());
                continue;
            }
            int start = out.length();
            if (p instanceof Grammar.Ref r && afterName(parts, i, r.name())) {
                out.append(SINGULAR.get(r.name().substring(r.name().indexOf('.') + 1)));
            } else if (p instanceof Grammar.Ref r) {
                ref(r.name(), out, depth);
                if (vars != speechVars) noteNamed(r.name(), i + 1 < parts.size() ? parts.get(i + 1) : null, out, start);
                else noteSpoken(r.name(), i + 1 < parts.size() ? parts.get(i + 1) : null, out);
            } else if (p instanceof Grammar.Alt a) {
                Grammar.Option chosen = a.options().get(choose(a, a.options(), "[...]"));
                seq(chosen.parts(), out, depth);
                st.tags.addAll(chosen.cond().marks());
            }
            // The article before a chosen word agrees with it here, where the word is known.
            Articles.agree(out, start);
        }
    }
}
