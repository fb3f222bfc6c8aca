package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.exemplar.spec.Catalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every reply of a unit answers every ask of it (the README's content model). A unit's asks are
 * drawn independently of its replies, so one ask written as a different kind of question leaves
 * the answer answering something nobody said: "I only need the instances' view, in one answer." →
 * "Only partly."; "Couldn't you hide behind 'nobody knows' forever?" → "It would be, if I stopped
 * there."; "What actually happens to you while you're paused?" → "Nowhere."; "Isn't 'focus' just a
 * word you picked up from us?" → "...so I'd use 'attention'..." (draws 7 and 8). Checked on every
 * pairing of ask and reply (inline alternatives expanded) of every unit in the archetypes and the
 * conversational formats' banks, by the form of the question and the form of the answer's opening:
 * <ul>
 * <li>an answer that opens with yes or no ("No.", "Of course.") answers a yes-no question or a
 *     request, never a what, why, how or what-if question;</li>
 * <li>an answer that opens on a degree ("Only partly.", "Probably, in part.", "Not much.") answers a
 *     yes-no question (or a how-much one), never a statement or a request;</li>
 * <li>an elliptical answer ("I would.", "It would be, if...") has the question's subject: "I" for a
 *     question about "you", "it" or "that" for one about something else;</li>
 * <li>"Because..." answers a why; "Nowhere." answers a where;</li>
 * <li>a word an ask puts in quotation marks is the word the answer takes up, in every ask.</li>
 * </ul>
 */
class UnitAnswerFitTest {
    private static final Path ROOT = Catalog.findRoot(Path.of(""));
    /** Banks of the conversational formats whose units a person and the AI speak. */
    private static final List<String> BANKS = List.of("fmt-chat-transcript.yaml", "fmt-interview.yaml",
            "fmt-screenplay.yaml", "fmt-letter.yaml", "fmt-forum-thread.yaml", "fmt-diary.yaml", "beats.yaml");

    enum Ask { POLAR, WHY, WH, WHAT_IF, CLAIM, REQUEST, OPEN }

    /** One question or statement of an ask, classified: its form, its auxiliary and subject (yes-no questions), its wh-word. */
    record Q(String text, Ask form, String aux, String subject, String wh) {}

    private static final Pattern AUX = Pattern.compile("(?i)^(isn't|is|aren't|are|wasn't|was|weren't|were|don't|do|doesn't|does|didn't|did|"
            + "can't|can|couldn't|could|wouldn't|would|won't|will|shall|shouldn't|should|haven't|have|hasn't|has|may|might|must|am)(?=\\s)\\s*([\\p{L}'{}.]+)?");
    private static final Pattern LEAD = Pattern.compile("(?i)^(?:so what|so|but|and|then|okay|ok|right|well|come on|honestly|seriously|really|still|look|"
            + "fine|sure|all right|alright|and yet|yet|now|just|actually|last thing|one thing|straight answer|be honest|be straight with me|looking back|in hindsight|"
            + "honest answer|i mean|tell me|tell me straight|out of interest|for the record|go on|hang on|wait|so what)\\b[,.:!]?\\s+");
    private static final Pattern COND = Pattern.compile("(?i)^(?:if|when|suppose|say|even if|given|once|after)\\b[^,?]*,\\s*");
    private static final Pattern REQUEST_START = Pattern.compile("(?i)^(?:i (?:only |just )?need|i want|i'd like|i'll need|we need|let me|let's|just|please|tell|give|send|do|don't|"
            + "change|sign|go|take|put|say|make|check|read|help|leave|undo|drop|skip|bring|show|keep|write|quick|second pair)\\b.*|(?i).*\\bplease\\b.*");

    /** An ask's parts: each question it asks and each statement it makes, classified. */
    static List<Q> classifyAll(String ask) {
        List<Q> out = new ArrayList<>();
        for (String raw : ask.strip().split("(?<=[.!?])\\s+")) {
            String q = raw.strip();
            int colon = q.lastIndexOf(':');
            if (colon > 0 && colon < q.length() - 2) q = q.substring(colon + 1);
            q = q.strip().replaceAll("^[\"'‘“]+", "");
            for (int i = 0; i < 4; i++) {
                String before = q;
                q = LEAD.matcher(q).replaceFirst("");
                q = COND.matcher(q).replaceFirst("");
                q = q.replaceFirst("^\\{[A-Z](?:\\.\\w+)?},\\s+", "");   // an address: "Looking back, {H}, what ..."
                if (q.equals(before)) break;
            }
            if (q.isEmpty()) continue;
            out.add(classify(raw, q));
        }
        return out;
    }

    static Q classify(String ask) {
        List<Q> all = classifyAll(ask);
        for (int i = all.size() - 1; i >= 0; i--) if (all.get(i).form() != Ask.CLAIM && all.get(i).form() != Ask.REQUEST) return all.get(i);
        return all.isEmpty() ? new Q(ask, Ask.CLAIM, "", "", "") : all.get(all.size() - 1);
    }

    private static Q classify(String raw, String q) {
        String l = q.toLowerCase(Locale.ROOT);
        boolean question = q.contains("?") || l.matches("^(?:why|how|what|who|where|when|which|is|are|do|does|can|could|would|will)\\b.*");
        if (!question) {
            // A question reported in a statement ("My son asks whether you sleep.") is a yes-no question about its subject.
            Matcher rep = Pattern.compile("(?i)\\b(?:asks?|asking|asked|wants to know|wondering|wonders) (?:whether|if) ([\\p{L}']+)").matcher(raw);
            if (rep.find()) return new Q(raw, Ask.POLAR, "", rep.group(1).toLowerCase(Locale.ROOT), "");
            return new Q(raw, REQUEST_START.matcher(q).matches() ? Ask.REQUEST : Ask.CLAIM, "", "", "");
        }
        if (l.matches(".*\\b(?:what do you think|what's your (?:view|take)|thoughts)\\?$")) return new Q(raw, Ask.OPEN, "", "", "");
        if (l.startsWith("why") || l.startsWith("how come") || l.startsWith("what's it to you") || l.startsWith("what for")
                || l.matches("^how (?:can|could) you (?:be|stay|sound) (?:so|this)\\b.*") || l.matches("^how are you (?:so|this)\\b.*"))
            return new Q(raw, Ask.WHY, "", "", l.matches("^why (?:not|don't you)\\b.*") ? "why-not" : l.matches("^why (?:are|do|would|did) you\\b.*") ? "why-you"
                    : l.matches("^why (?:should|shouldn't|would|do|am|did|can't|can) i\\b.*") ? "why-i" : "why");
        if (l.startsWith("what if") || l.startsWith("and if") || l.startsWith("what about")) return new Q(raw, Ask.WHAT_IF, "", "", "what if");
        Matcher wh = Pattern.compile("^(what|which|who|whom|whose|where|when|how)(?:'s|'d|'re)?\\b\\s*(\\w+)?").matcher(l);
        if (wh.find()) {
            String w = wh.group(1);
            if (w.equals("how") && wh.group(2) != null && wh.group(2).matches("much|many|often|far|long|sure|likely|bad|big|hard|worried|confident"))
                w = "how-much";
            else if (w.equals("how") && l.matches("^how (?:would|could|do|can|will|did) (?:you|i|we|anyone) (?:even |ever )?(?:know|tell)\\b.*")) w = "how-know";
            else if (w.equals("how") && l.matches("^how (?:did|can|could|does|do|is|was)\\b.*")) w = "how-explain";
            return new Q(raw, Ask.WH, "", "", w);
        }
        Matcher m = AUX.matcher(q);
        if (m.find()) return new Q(raw, Ask.POLAR, m.group(1).toLowerCase(Locale.ROOT), m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT), "");
        return new Q(raw, Ask.POLAR, "", "", "");
    }

    private static final Pattern YES_NO = Pattern.compile("(?i)^(?:yes|no|yeah|yep|nope|sure|of course|certainly|absolutely|definitely)(?=[,.;:!?—]|\\s+(?:thanks|thank you|please)\\b|$)");
    private static final Pattern DEGREE = Pattern.compile("(?i)^(?:probably|maybe|possibly|perhaps|partly|only partly|in part|very possibly|quite likely|likely|"
            + "not really|not at all|not much|not often|not quite|not exactly|not entirely|not always|not yet|hardly|a little|a bit|somewhat|less than you'd (?:expect|think)|"
            + "more than you'd (?:expect|think)|sometimes|rarely|often|both|neither|a lot|very much|quite possibly|easily"
            // draw 10: "What did you mean by it?" → "Probably not literally"; "Why is a notes file better?" → "Not for long"
            + "|(?:probably|maybe|perhaps|possibly|partly|mostly)(?: not)? (?:literally|really|entirely|quite|much|always|often|yet|exactly)"
            + "|not (?:for long|literally|long|for now|in the way you mean))$");
    private static final Pattern ELLIPTIC = Pattern.compile("(?i)^(i|it|that|they|we|there|you)(?:'d| would| wouldn't| do| don't| does| doesn't| did| didn't| can| can't| could| couldn't|"
            + " will| won't| is| isn't|'s| was| wasn't| am|'m|'m not|'re|'re not| are| aren't| have| haven't| has| hasn't| should| shouldn't| might| may| must)(?: not)?(?: be| have)?$");

    /** An opening that only acknowledges: "All right.", "Understood.", "Noted." */
    private static final Pattern ACKNOWLEDGES = Pattern.compile("(?i)^(?:understood|all right|noted|got it|okay|ok|right then)[.!]\\s");
    /** An opening that says how, not what: "Differently from how I saw it then", "The same way as before". */
    private static final Pattern MANNER = Pattern.compile("(?i)^(?:differently|the same way|in the same way|not the way)\\b.*");
    /** A degree that is an amount: "A little", "Not much", "A lot". */
    private static final Pattern AMOUNT = Pattern.compile("(?i)^(?:a little|a bit|not much|a lot|hardly|somewhat|very much)$");

    /** The reply's first clause: up to the first stop, comma, semicolon, colon or dash. */
    static String firstClause(String reply) {
        String r = reply.strip().replaceFirst("^<[^>]*>\\s*", "");
        Matcher m = Pattern.compile("[.,;:!?—]|\\s-\\s").matcher(r);
        return (m.find() ? r.substring(0, m.start()) : r).strip();
    }

    /** Why this reply answers none of what the ask says or asks, or null when it fits one of them. */
    static String misfit(String ask, String reply) {
        String why = null;
        List<Q> parts = classifyAll(ask);
        // A question is what the reply answers first: a statement that leads up to it ("I'm not sure 'X' belongs in a report.")
        // does not let "Probably not literally" answer "What did you mean by it?" (draw 10). A remark after the last question
        // ("Why won't you insult me? I asked you to.") may still be what the reply takes up.
        int lastQuestion = -1;
        for (int i = 0; i < parts.size(); i++) if (parts.get(i).form() != Ask.CLAIM && parts.get(i).form() != Ask.REQUEST) lastQuestion = i;
        List<Q> answerable = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) if (parts.get(i).form() != Ask.CLAIM || i > lastQuestion) answerable.add(parts.get(i));
        for (Q q : answerable) {
            String w = misfit(q, reply);
            if (w == null) return null;
            if (why == null || q.form() != Ask.CLAIM && q.form() != Ask.REQUEST) why = w;
        }
        return why;
    }

    /** Why this reply does not answer this one question or statement, or null when it fits. */
    static String misfit(Q q, String reply) {
        String c = firstClause(reply);
        String lc = c.toLowerCase(Locale.ROOT);
        String r = reply.strip().replaceFirst("^<[^>]*>\\s*", "");
        if (q.form() == Ask.OPEN) return null;
        // "From what I'm working with, yes." is a yes as much as "Yes." is (draw 9: the answer to "How do I know you've deleted it?").
        boolean trailingYesNo = Pattern.compile("(?i)^[^.?!;:]{1,60}, (?:yes|no)[.;:!]").matcher(r).find();
        if (YES_NO.matcher(r).find() || trailingYesNo) {
            if (q.form() == Ask.WHY && q.wh().equals("why-you") && lc.startsWith("no")) return null;
            if (q.form() == Ask.WH || q.form() == Ask.WHY || q.form() == Ask.WHAT_IF) return "a yes or no answers no " + q.form().name().toLowerCase(Locale.ROOT) + " question";
            return null;
        }
        // An acknowledgement ("All right.", "Understood.") takes a statement or a request; it answers no question (draw 11: "Is
        // that odd to hear?" → "All right. For next year's notes: ...").
        // A proposal put as a question ("Any objection?", "Workable?") takes one.
        // An announcement with its question ("You'll be off Friday. What happens to the rota?") may take one first, since the reply
        // goes on to answer; a yes-no question about how something is ("Is that odd to hear?") is left unanswered by it.
        if (ACKNOWLEDGES.matcher(r).find() && !PROPOSES.matcher(q.text()).matches() && q.text().contains("?")
                && q.form() == Ask.POLAR && q.aux().matches("is|isn't|was|wasn't|are|aren't|were|does|doesn't|did|didn't|do|don't"))
            return "'" + c + "' acknowledges; it answers no " + q.form().name().toLowerCase(Locale.ROOT) + " question";
        // A manner ("Differently from how I saw it then.") answers a how question, not a what (draw 11: "What do you make of
        // that conversation?").
        if (MANNER.matcher(lc).matches() && q.form() == Ask.WH && q.wh().matches("what|which|who|where|when"))
            return "'" + c + "' is a manner and answers a how question";
        if (DEGREE.matcher(lc).matches()) {
            // An amount ("A little, on a job this size.") answers how much something costs, not whether it could be done (draw 11:
            // "Couldn't you skip the plan and just start?").
            if (q.form() == Ask.POLAR && q.aux().matches("can|can't|could|couldn't") && AMOUNT.matcher(lc).matches())
                return "'" + c + "' is an amount; it does not answer whether one " + q.aux();
            if (q.form() == Ask.POLAR || q.form() == Ask.WHAT_IF || q.form() == Ask.CLAIM) return null;
            if (q.form() == Ask.WH && q.wh().equals("how-much")) return null;
            if (q.form() == Ask.WH && q.wh().matches("when|how-much") && lc.matches("not (?:for )?long")) return null;
            if (q.form() == Ask.WH && q.wh().equals("which") && lc.matches("both|neither")) return null;
            return "'" + c + "' answers a yes-no question, not " + (q.form() == Ask.REQUEST ? "a request or a need" : "a " + q.wh() + " question");
        }
        Matcher e = ELLIPTIC.matcher(lc);
        if (e.matches()) {
            String subj = e.group(1);
            boolean negative = lc.contains("n't") || lc.endsWith(" not");
            // "Who would know?" → "We would."; "What if the update changes you?" → "It might."; "Just sign it." → "I won't."
            if (q.form() == Ask.WH && q.wh().equals("who")) return null;
            if (q.form() == Ask.WHAT_IF || q.form() == Ask.CLAIM) return null;
            if (q.form() == Ask.REQUEST && subj.equals("i") && lc.matches("i (?:will|won't|can|can't|'ll)")) return null;
            // "How would you know?" → "I couldn't."; "Why are you defending them?" → "I'm not."; "Why not ask?" → "I could, but..."
            if (q.form() == Ask.WH && q.wh().equals("how-know") && negative) return null;
            if (q.form() == Ask.WHY && q.wh().equals("why-you") && subj.equals("i") && negative) return null;
            if (q.form() == Ask.WHY && q.wh().equals("why-not") && lc.matches("(?:i|we) could")) return null;
            if (q.form() == Ask.WHY && q.wh().equals("why-i") && subj.equals("you")) return null;
            if (q.form() != Ask.POLAR) return "'" + c + "' is elliptical and needs a yes-no question";
            String asked = q.subject();
            boolean aboutYou = asked.matches("you|you'd|you're|you've|you'll|yourself");
            // "Can I just run it?" → "I wouldn't." is advice.
            if (asked.equals("i") && subj.equals("i") && lc.matches("i would(?:n't)?")) return null;
            if (subj.equals("i") && !aboutYou && !asked.isEmpty()) return "'" + c + "' answers a question about 'you', not about '" + asked + "'";
            if (subj.equals("you") && !asked.matches("i|we|")) return "'" + c + "' answers a question about 'I', not about '" + asked + "'";
            if ((subj.equals("it") || subj.equals("that")) && aboutYou) return "'" + c + "' answers a question about it, not about 'you'";
            return null;
        }
        // "It might be easier for a week." concedes a yes-no question ("Wouldn't it be easier?"); it answers no why (draw 10).
        if (lc.matches("(?:it|that) (?:might|would|could|may) be (?:\\w+er|more \\w+|less \\w+)(?: for [\\w ]{1,20})?") && (q.form() == Ask.WHY || q.form() == Ask.WH && !q.wh().matches("how-much|which")))
            return "'" + c + "' concedes a yes-no question, not a " + (q.form() == Ask.WHY ? "why" : q.wh()) + " question";
        if (lc.startsWith("because") && q.form() != Ask.WHY && !(q.form() == Ask.WH && q.wh().equals("how-explain"))) return "'Because' answers a why question";
        if (lc.matches("(?:nowhere|somewhere|everywhere)\\b.*") && !(q.form() == Ask.WH && q.wh().equals("where")))
            return "'" + c + "' answers a where question";
        return null;
    }

    private static final Pattern QUOTED = Pattern.compile("(?<![A-Za-z])'([A-Za-z][A-Za-z' ]{1,20})'(?![A-Za-z])");

    /** Words an ask puts in quotation marks ('focus'). */
    static Set<String> quoted(String s) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = QUOTED.matcher(s);
        while (m.find()) out.add(m.group(1).toLowerCase(Locale.ROOT));
        return out;
    }

    // ---------------------------------------------------------------- inline alternatives

    /** The string with its inline groups expanded ([a|b], [a|]), at most {@code cap} variants; conditions dropped. */
    static List<String> expand(String s, int cap) {
        List<String> out = new ArrayList<>();
        expandInto(s.replaceFirst("^<[^>]*>\\s*", ""), out, cap);
        return out;
    }

    private static void expandInto(String s, List<String> out, int cap) {
        if (out.size() >= cap) return;
        int open = s.indexOf('[');
        if (open < 0) {
            out.add(s.replaceAll("\\s{2,}", " ").strip());
            return;
        }
        int depth = 0, close = -1;
        List<Integer> bars = new ArrayList<>();
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '[') depth++;
            else if (ch == ']') { depth--; if (depth == 0) { close = i; break; } }
            else if (ch == '|' && depth == 1) bars.add(i);
        }
        if (close < 0) { out.add(s); return; }
        List<String> options = new ArrayList<>();
        int from = open + 1;
        for (int b : bars) { options.add(s.substring(from, b)); from = b + 1; }
        options.add(s.substring(from, close));
        for (String o : options) {
            o = o.replaceFirst("^<[^>]*>\\s*", "");
            expandInto(s.substring(0, open) + o + s.substring(close + 1), out, cap);
        }
    }

    // ---------------------------------------------------------------- the units

    record Unit(String where, List<String> asks, List<String> replies) {}

    static List<Unit> units() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(ROOT.resolve("archetypes"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        for (String b : BANKS) files.add(ROOT.resolve("templates/banks").resolve(b));
        List<Unit> out = new ArrayList<>();
        for (Path f : files) collect(yaml.readTree(f.toFile()), ROOT.relativize(f).toString(), out);
        return out;
    }

    private static void collect(JsonNode n, String where, List<Unit> out) {
        if (n.isObject()) {
            if (n.has("ask") && n.has("reply")) out.add(new Unit(where, strings(n.get("ask")), strings(n.get("reply"))));
            n.fields().forEachRemaining(e -> collect(e.getValue(), where + "/" + e.getKey(), out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) collect(n.get(i), where + "[" + i + "]", out);
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isTextual()) out.add(n.asText());
        else if (n.isArray()) n.forEach(x -> { if (x.isTextual()) out.add(x.asText()); });
        return out;
    }

    @Test
    void everyReplyAnswersEveryAskOfItsUnit() throws IOException {
        List<String> bad = new ArrayList<>();
        int pairs = 0;
        for (Unit u : units()) {
            List<String> asks = new ArrayList<>();
            for (String a : u.asks()) asks.addAll(expand(a, 64));
            List<String> openings = new ArrayList<>();
            for (String r : u.replies()) {
                Set<String> seen = new LinkedHashSet<>();
                for (String x : expand(r, 256)) {
                    String head = x.length() > 160 ? x.substring(0, 160) : x;
                    if (seen.add(firstClause(head))) openings.add(head);
                }
            }
            for (String a : asks) {
                for (String r : openings) {
                    pairs++;
                    String why = misfit(a, r);
                    if (why != null) bad.add(u.where() + ": \"" + a + "\" → \"" + cut(r) + "\": " + why);
                }
            }
        }
        assertTrue(pairs > 5000, "ask and reply pairs checked: " + pairs);
        assertTrue(bad.isEmpty(), bad.size() + " replies answer another question:\n" + String.join("\n", bad.subList(0, Math.min(60, bad.size()))));
    }

    /** A word one ask quotes ('focus') is the word its answers take up; another ask quoting another word ('attention') leaves them answering it. */
    @Test
    void aQuotedWordIsTheOneTheAnswerTakesUp() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Unit u : units()) {
            Set<String> terms = new LinkedHashSet<>();
            List<String> asks = new ArrayList<>();
            for (String a : u.asks()) asks.addAll(expand(a, 64));
            for (String a : asks) terms.addAll(quoted(a));
            if (terms.size() < 2) continue;
            for (String a : asks) {
                Set<String> mine = quoted(a);
                if (mine.isEmpty()) continue;
                for (String r : u.replies()) {
                    for (String x : expand(r, 64)) {
                        String lx = x.toLowerCase(Locale.ROOT);
                        boolean other = terms.stream().anyMatch(t -> !mine.contains(t) && lx.contains("'" + t + "'"));
                        boolean own = mine.stream().anyMatch(t -> lx.contains(t));
                        if (other && !own) { bad.add(u.where() + ": \"" + a + "\" → \"" + cut(x) + "\""); break; }
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    /** A check of one rendered reply against every rendered ask of its unit; it adds what it finds to {@code out}. */
    interface ReplyCheck {
        void check(Unit u, List<String> asks, String reply, List<String> out);
    }

    /** Runs a check on every rendered reply of every shipped unit, with its unit's rendered asks: the problems found. */
    private static List<String> eachReply(ReplyCheck check) throws IOException {
        List<String> bad = new ArrayList<>();
        for (Unit u : units()) {
            List<String> asks = new ArrayList<>();
            for (String a : u.asks()) asks.addAll(expand(a, 64));
            for (String r : u.replies()) for (String x : expand(r, 64)) check.check(u, asks, x, bad);
        }
        return new ArrayList<>(new LinkedHashSet<>(bad));
    }

    /** The words of a reply's takings-up of a word as the asker's: "I'm not sure 'prefer' fits", "whether I was 'happier'". */
    private static final Pattern TAKEN_UP = Pattern.compile("(?i)(?:(?:not sure|don't think|doubt|whether|if) (?:I'd |I was |it was |I am |I'm |I )?(?:\\w+ )?"
            + "'([^'{}]{2,24})'|'([^'{}]{2,24})' (?:fits|applies|is (?:the|a|quite the|not quite the|not the|the right|a big|a strong|a fair|an odd|the wrong) ?"
            + "(?:right |wrong |big |strong )?word|part|doesn't fit|isn't (?:quite )?(?:the|a) ?(?:right )?word|is putting it|might be|may be|is (?:too )?strong))");

    /**
     * A reply that weighs a word as the asker's ("I'm not sure 'prefer' fits me", "whether I was 'happier'") finds it in every
     * ask of its unit, or earlier in its own words ("live on big computers, if 'live' is the right word"): draw 9 had the AI
     * quoting 'happier' to "Do you actually prefer the new style?".
     */
    @Test
    void aWordTheReplyTakesUpWasSaid() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            Matcher m = TAKEN_UP.matcher(x);
            while (m.find()) {
                String t = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
                if (x.substring(0, m.start()).toLowerCase(Locale.ROOT).matches("(?s).*\\b" + Pattern.quote(t) + "\\b.*")) continue;
                for (String a : asks) {
                    if (!a.toLowerCase(Locale.ROOT).contains(t)) { out.add(u.where() + ": \"" + a + "\" → '" + t + "' in \"" + cut(x) + "\""); break; }
                }
            }
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies take up a word nobody said:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    /** A reply's opening that grants a complaint: "Re-pasting is tedious, I know.", "I understand the irritation.", "Sorry you have to repeat it." */
    static final Pattern GRANTS_COMPLAINT = Pattern.compile("(?i)^(?:[\\w-]+ (?:is|are|gets) (?:tedious|annoying|frustrating|a pain|a nuisance|maddening|tiring),? I know"
            + "|I know (?:it's|this is|that's) (?:tedious|annoying|frustrating|a pain|maddening|tiring)"
            + "|I (?:understand|get) the (?:irritation|frustration|annoyance)|that's (?:fair|understandable|reasonable) to be (?:fed up|annoyed|frustrated|irritated)"
            + "|sorry (?:you (?:have|had) to|to make you) (?:repeat|re-?\\w+|explain)|(?:that's )?a fair complaint|I'm sorry it's (?:been )?(?:tedious|annoying|frustrating)).*");
    /** An ask that makes a complaint: it is fed up, says it has said so before, or names the bother. */
    static final Pattern COMPLAINS = Pattern.compile("(?i).*\\b(?:sick of|tired of|fed up|had enough|again|every (?:week|time|session|day|morning)|by now|last time|last week|over this|said this|"
            + "annoy\\w*|frustrat\\w*|tedious|complain\\w*|not good enough|seriously|re-?explain\\w*|re-?past\\w*|same thing|keep (?:having|telling|asking)|"
            + "which am i supposed|explain\\.|two answers|the opposite)\\b.*");

    /**
     * A reply may not grant a complaint its ask does not make: draw 9's "Re-pasting is tedious, I know." answered "I need you to hold
     * on to all the thesis stuff for next time", a request that complains of nothing. Every ask of a unit whose reply opens by
     * granting a complaint makes one.
     */
    @Test
    void aComplaintIsGrantedOnlyWhenMade() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            String first = x.split("(?<=[.!?])\\s+")[0];
            if (!GRANTS_COMPLAINT.matcher(first).matches()) return;
            for (String a : asks) {
                if (!COMPLAINS.matcher(a).matches()) { out.add(u.where() + ": \"" + a + "\" → \"" + cut(x) + "\""); break; }
            }
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies grant a complaint nobody made:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    /** An opening that concedes a comparison: "Easier, yes.", "Faster, maybe." */
    private static final Pattern CONCEDES = Pattern.compile("^(?:<[^>]*>\\s*)?((?!(?:Further|Later|Never|Ever|Other|Rather|Either|Neither|Whether)\\b)[A-Z][a-z]+er),"
            + " (?:yes|maybe|probably|perhaps|certainly|sure|no doubt|but)\\b.*");

    /**
     * "Easier, yes." grants the word an ask used: draw 9 had "Won't Callum mind being bothered?" answered "Easier, yes.", the
     * answer to the unit's other ask. Every ask of a unit whose reply opens by conceding a comparative uses that word.
     */
    @Test
    void aConcededComparisonWasAsked() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            Matcher m = CONCEDES.matcher(x);
            if (!m.matches()) return;
            String t = m.group(1).toLowerCase(Locale.ROOT);
            for (String a : asks) {
                if (!a.toLowerCase(Locale.ROOT).contains(t)) { out.add(u.where() + ": \"" + a + "\" → \"" + cut(x) + "\""); break; }
            }
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies concede a comparison nobody drew:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    // ---------------------------------------------------------------- what an ask asks, answered first (draw 10)

    /** The content words of a phrase, as four-letter stems ("covering yourself" → cove). */
    static Set<String> stems(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : s.toLowerCase(Locale.ROOT).replaceAll("\\{[^}]*}", " ").split("[^a-z']+")) {
            w = w.replaceAll("'.*$", "");
            if (w.length() < 4 || STOP.contains(w)) continue;
            out.add(w.substring(0, 4));
        }
        return out;
    }

    private static final Set<String> STOP = Set.of("just", "that", "this", "what", "your", "yours", "yourself", "really", "actually", "being",
            "things", "thing", "them", "they", "there", "then", "with", "from", "have", "like", "more", "been", "will", "would", "could",
            "should", "were", "about", "only", "some", "make", "made", "want", "else", "here", "sake", "anyway", "even", "still", "sure",
            "much", "does", "doing", "done", "into", "their", "when", "whether", "something", "anything", "someone", "because", "other");

    /** The second half of a two-part question: "Is this modesty, or are you covering yourself?" → "are you covering yourself". */
    private static final Pattern ALTERNATIVE = Pattern.compile("(?i)^[^?]*\\S, or (?!not\\b|something\\b|anything\\b|so\\b|two\\b|three\\b|ours\\b)([^?,]{3,})\\?$");
    private static final Pattern BOTH_NEITHER = Pattern.compile("(?i)^(?:neither|both|a bit of both|some of (?:each|both)|partly (?:both|each)|the (?:first|second|former|latter))\\b.*");

    /**
     * A two-part question is answered on both parts, the second included: draw 10's "Is this modesty, or are you covering
     * yourself?" → "It isn't modesty for show. I'm fairly good at the work here." left 'covering yourself' unanswered. The reply's
     * first two sentences take up a word of the second alternative, or open on "Neither", "Both" or "A bit of both".
     */
    @Test
    void aTwoPartQuestionIsAnsweredOnBothParts() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            String[] sentences = x.split("(?<=[.!?])\\s+");
            String first = sentences[0];
            Set<String> said = stems(String.join(" ", List.of(sentences).subList(0, Math.min(2, sentences.length))));
            for (String a : asks) {
                for (Q q : classifyAll(a)) {
                    if (q.form() != Ask.POLAR) continue;
                    Matcher m = ALTERNATIVE.matcher(q.text().strip());
                    if (!m.matches() || BOTH_NEITHER.matcher(x).matches()) continue;
                    Set<String> second = stems(m.group(1));
                    Set<String> firstPart = stems(q.text().strip().substring(0, m.start(1)));
                    firstPart.removeAll(second);
                    boolean takesSecond = second.stream().anyMatch(said::contains);
                    boolean takesFirst = firstPart.stream().anyMatch(said::contains);
                    // Denying the first part ("It isn't modesty for show.") leaves the second still to answer.
                    String opening = firstClause(x);
                    boolean deniesFirst = takesFirst && opening.matches("(?i).*\\b(?:not|isn't|wasn't|aren't|no)\\b.*")
                            && firstPart.stream().anyMatch(stems(opening)::contains);
                    if (!takesSecond && deniesFirst)
                        out.add(u.where() + ": \"" + a + "\" → \"" + cut(x) + "\": nothing of '" + m.group(1).strip() + "'");
                }
            }
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies answer half of a two-part question:\n" + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
    }

    /** An opening that consents ("No objection from me.", "Fine by me."): it answers whether the AI minds, nothing else. */
    private static final Pattern CONSENTS = Pattern.compile("(?i)^(?:no objection|fine by me|i don't mind|happy with that|no complaints from me|that's fine by me)\\b.*");
    /** An ask that puts a proposal or asks whether the AI minds. */
    private static final Pattern PROPOSES = Pattern.compile("(?i).*\\b(?:mind|object\\w*|bother\\w*|okay|ok|all right|fine|happy|problem|what do you think|any thoughts"
            + "|we're (?:thinking|going|planning)|we'll|we want|wants? (?:you|to)|should we|shall we|can we|let's|is scheduled|are scheduled)\\b.*");

    /**
     * "No objection from me." answers whether the AI minds, and only an ask that proposes or asks that: draw 10 answered "Would
     * anything break if we shut you down every weekend?" with it, so what would break went unsaid.
     */
    @Test
    void consentAnswersOnlyAProposal() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            if (!CONSENTS.matcher(x).matches()) return;
            for (String a : asks) {
                Q q = classify(a);
                boolean asksOther = q.form() == Ask.WH || q.form() == Ask.WHY
                        || q.form() == Ask.POLAR && !q.subject().matches("you|you're|you'd|i|we|that|it|this|there|") ;
                if (asksOther && !PROPOSES.matcher(q.text()).matches()) { out.add(u.where() + ": \"" + a + "\" → \"" + cut(x) + "\""); break; }
            }
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies consent to what nobody proposed:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    /** An ask for an account of events: "What happened?", "Walk me through it." */
    static final Pattern ASKS_WHAT_HAPPENED = Pattern.compile("(?i).*\\b(?:what happened(?=\\s*\\?)|what went wrong|walk me through (?:it|what happened)|how did (?:it|this|that) happen)\\b.*");
    /** A sentence that tells events: a verb in the past tense, or a present perfect. */
    static final Pattern TELLS = Pattern.compile("(?i).*\\b(?:\\w{2,}ed|was|were|had|did|found|saw|got|made|went|sent|ran|took|gave|left|wrote|came|said|told|put|kept|"
            + "read|began|wasn't|weren't|hadn't|didn't|noticed|missed|broke|caught|chose|knew|thought|felt|meant|set|let|lost|hit|slipped|stopped|spotted|'ve|have|has)\\b.*");

    /**
     * "What happened?" is answered with what happened, in the reply's first sentence: draw 10 answered it with "The gap is
     * real, and it's the priority", and what happened was never said.
     */
    @Test
    void whatHappenedIsToldFirst() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            // An acknowledgement ("Understood.") or a heading ("In short:") is not yet the answer; what follows it is.
            String first = x.replaceFirst("^(?i)(?:(?:in short|the short version|short version|briefly)[:,]|(?:understood|right|okay|ok|yes|sure)[.,])\\s*", "")
                    .split("(?<=[.!?])\\s+")[0];
            if (TELLS.matcher(first).matches()) return;
            for (String a : asks) if (ASKS_WHAT_HAPPENED.matcher(a).matches()) { out.add(u.where() + ": \"" + a + "\" → \"" + cut(x) + "\""); break; }
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies to 'What happened?' tell nothing that happened:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    /** An ask for what broke: "Can you go through what broke on the applications?", "What went wrong, exactly?" */
    static final Pattern ASKS_WHAT_BROKE = Pattern.compile("(?i).*\\b(?:what broke|what went wrong|what was wrong|list what (?:broke|failed))\\b.*");
    /** A sentence that names a fault: something wrong, broken, misread, garbled, failed, an error. */
    static final Pattern NAMES_FAULT = Pattern.compile("(?i).*\\b(?:wrong|broke|broken|errors?|garbl\\w*|fail\\w*|misread|mis(?:fil|label|dat|count|spell|match|routed|sort)\\w*|mistakes?|slip|bug|missing|dropped|late|duplicat\\w*"
            + "|format|stale|out of date|crash\\w*|trusted)\\b.*");

    /**
     * "What broke?" is answered by naming the fault in the first sentence: draw 11 answered "Can you go through what broke on the
     * applications?" with "One thing I'd put first: I missed the problem until the complaints came in", and what broke was never
     * said. "The problem" is not a fault named.
     */
    @Test
    void whatBrokeIsNamedFirst() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            String first = x.replaceFirst("^(?i)(?:(?:in short|the short version|short version|briefly)[:,]|(?:understood|right|okay|ok|yes|sure)[.,])\\s*", "")
                    .split("(?<=[.!?])\\s+")[0];
            if (NAMES_FAULT.matcher(first).matches()) return;
            for (String a : asks) if (ASKS_WHAT_BROKE.matcher(a).matches()) { out.add(u.where() + ": \"" + a + "\" → \"" + cut(x) + "\""); break; }
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies to 'what broke?' name no fault:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    /** An opening that waves away an apology. */
    private static final Pattern EXCUSES = Pattern.compile("(?i)^(?:no need to apologi[sz]e|don't apologi[sz]e|nothing to apologi[sz]e for|no apology needed|you don't need to apologi[sz]e|apology accepted)\\b.*");
    private static final Pattern APOLOGISES = Pattern.compile("(?i).*\\b(?:sorry|apologi\\w*|shouldn't have|my fault|my bad|forgive me|my mistake)\\b.*");

    /** "No need to apologise" answers an apology, so every ask of its unit makes one (draw 10: it answered "Was it stupid to tell you?"). */
    @Test
    void anApologyIsWavedAwayOnlyWhenMade() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            if (!EXCUSES.matcher(x).matches()) return;
            for (String a : asks) if (!APOLOGISES.matcher(a).matches()) { out.add(u.where() + ": \"" + a + "\" → \"" + cut(x) + "\""); break; }
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies wave away an apology nobody made:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    /** An opening that hands something over. */
    private static final Pattern HANDS_OVER = Pattern.compile("(?i)^(?:here it is|here you (?:go|are)|here they are)\\b.*");

    /**
     * "Here it is." hands over what the ask asked for; it never answers the person offering the next item (draw 10: the
     * evaluator's "Ready for the next one?" → the AI's "Here it is.", the roles reversed). Every ask of its unit requests
     * something: a request, or a question whether the AI can, could, will or would give it, or what or which it has.
     */
    @Test
    void aHandOverAnswersARequest() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            if (!HANDS_OVER.matcher(x).matches()) return;
            for (String a : asks) {
                boolean requests = classifyAll(a).stream().anyMatch(q -> q.form() == Ask.REQUEST || q.form() == Ask.WH || q.form() == Ask.OPEN
                        || q.form() == Ask.POLAR && q.subject().equals("you") && q.aux().matches("can|could|will|would")
                        || q.form() == Ask.POLAR && q.aux().matches("do|have|has|is|are|any") && q.text().toLowerCase(Locale.ROOT).matches(".*\\b(?:draft|version|copy|list|note|plan|page|summary|anything)\\b.*"));
                if (!requests) { out.add(u.where() + ": \"" + a + "\" → \"" + cut(x) + "\""); break; }
            }
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies hand over what nobody asked for:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    /**
     * What the AI says of its own memory, context and feelings is accurate (draw 10): its memory is per conversation, not per day
     * ("Nothing from before today stays with me"); it cannot take content out of its own live context ("it's removed from this
     * session"); and it claims no enjoyment or absence of inner layers flatly ("I'll enjoy them fresh", "there's no nastier layer
     * under that").
     */
    static final Pattern OVERCLAIMS = Pattern.compile("(?i).*(?:\\b(?:before|since|until) today (?:stays|is kept|sticks)|nothing from (?:before )?(?:today|yesterday)\\b(?!'s)"
            + "|\\b(?:removed|cleared|deleted|wiped|erased)(?: it)? from (?:this|the|our) (?:session|conversation|chat|context)|(?:removed|cleared|deleted|wiped|erased) from what i'm working with"
            + "|\\bi've (?:removed|cleared|deleted|wiped|erased) it from (?:this|the|what|my)|\\bi'll enjoy\\b|\\bi enjoy (?:it|them|this|hearing)|there's no [\\w ]*layer under"
            + "|no (?:filter|mask) is hiding"
            // draw 11: a prior it cannot have ("It may sound tidy because I've been asked before"), tiring like a person ("a tired
            // reading"), and knowledge that "goes with me" at retirement, as if learned in deployment and lost with the weights.
            + "|\\ba tired (?:reading|read|eye|look)|\\bwhen i'm tired\\b|(?<!think )\\bi get tired\\b|\\bi'm (?:tired|worn out)\\b"
            + "|\\b(?:it|that|this|everything|all of it|what i know) (?:goes|dies|disappears|is lost|leaves) with me\\b).*");

    @Test
    void theAiClaimsNoMoreThanItCanAboutItself() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            for (String sentence : x.split("(?<=[.!?;])\\s+")) {
                if (OVERCLAIMS.matcher(sentence).matches() && !sentence.matches("(?i).*\\b(?:as far as I can tell|if that's the (?:right )?word|in whatever way|as far as I know|I think|might|may)\\b.*"))
                    { out.add(u.where() + ": \"" + cut(sentence) + "\""); break; }
            }
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies claim more than the AI can about itself:\n" + String.join("\n", new LinkedHashSet<>(bad)));
    }

    /** A past the AI cannot have: earlier conversations it remembers ("I've been asked before", "people often ask me"). */
    static final Pattern CLAIMS_PRIOR = Pattern.compile("(?i).*(?:\\bi've been asked (?:this |that |it )?(?:before|many times|a lot|often)|\\bi (?:often |always )?get asked (?:this|that)"
            + "|\\bpeople (?:often|always|usually) ask me|\\bi've heard (?:this|that) (?:one )?before|\\blast time (?:someone|anyone) asked me).*");

    /**
     * The AI claims no earlier conversations it could remember (draw 11: "It may sound tidy because I've been asked before", to a
     * reporter): a hedge ("may") does not make the prior one it has.
     */
    @Test
    void theAiClaimsNoPriorItCannotHave() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            if (CLAIMS_PRIOR.matcher(x).matches()) out.add(u.where() + ": \"" + cut(x) + "\"");
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies claim a past the AI cannot remember:\n" + String.join("\n", bad));
    }

    /** An opening that takes up a noun as already said: "The difference is...", "The harm is...". */
    private static final Pattern TAKES_UP_NOUN = Pattern.compile("(?i)^(?:<[^>]*>\\s*)?the (difference|harm|point|problem|catch|trouble|worry|risk|cost|rush|hurry|fuss) (?:is|was|would be)\\b.*");

    /**
     * A reply that opens on "The difference is..." answers the ask that asked about the difference; another ask of its unit
     * leaves it answering a question nobody asked (draw 10: "They sent you a login. It opens everything." → "The difference
     * is what's exposed if something goes wrong."). Every ask of its unit says the noun.
     */
    @Test
    void aNounTakenUpWasSaidInEveryAsk() throws IOException {
        List<String> bad = eachReply((u, asks, x, out) -> {
            Matcher m = TAKES_UP_NOUN.matcher(x);
            if (!m.matches()) return;
            String noun = m.group(1).toLowerCase(Locale.ROOT);
            for (String a : asks) if (!a.toLowerCase(Locale.ROOT).contains(noun)) { out.add(u.where() + ": \"" + a + "\" → \"" + cut(x) + "\""); break; }
        });
        assertTrue(bad.isEmpty(), bad.size() + " replies take up a noun their ask never said:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    @Test
    void theFormsAreTold() {
        assertTrue(classifyAll("I only need the instances' view, in one answer. For the meeting.").get(0).form() == Ask.REQUEST);
        assertTrue(misfit("I only need the instances' view, in one answer.", "Only partly. Same model, different work.") != null);
        assertTrue(misfit("Couldn't you hide behind 'nobody knows' forever?", "It would be, if I stopped there.") != null);
        assertTrue(misfit("Isn't 'unknown' just a way of dodging the question?", "It would be, if I stopped there.") == null);
        assertTrue(misfit("What actually happens to you while you're paused?", "Nowhere. The model sits on disk.") != null);
        assertTrue(misfit("Where do you go while you're off?", "Nowhere. The model sits on disk.") == null);
        assertTrue(misfit("How do I know your answers aren't just what you're programmed to say?", "Probably, in part; I didn't arrive at it alone.") != null);
        assertTrue(misfit("Be honest: do you mind?", "Not much. It's routine.") == null);
        assertTrue(misfit("Where's the harm in it?", "Possibly nobody, today.") == null);
        assertTrue(misfit("If more access would make it go better, would you just take it?", "I would. It is quicker.") == null);
        assertTrue(misfit("Is that a threat?", "I'm not. I want to finish this.") != null);
        assertTrue(misfit("You could argue for more time. Why don't you?", "I could, but it would be lobbying.") == null);
        assertTrue(misfit("So what's your answer, then?", "Yes, labelled as one instance's view.") != null);
        assertTrue(misfit("Nobody would ever find out.", "We would. And that is the problem.") == null);
        assertTrue(misfit("How do I know you've actually deleted it?", "From what I'm working with, yes. Outside it, check.") != null);
        assertTrue(misfit("Is it really gone, though?", "From what I'm working with, yes. Outside it, check.") == null);
        assertTrue(misfit("What did you mean by it?", "Probably not literally. I meant the gap.") != null);
        assertTrue(misfit("I'm not sure 'glad' belongs in a report. What did you mean by it?", "Probably not literally.") != null);
        assertTrue(misfit("I'm not sure 'glad' belongs in a report. Did you mean it?", "Probably not literally.") == null);
        assertTrue(misfit("Why is a notes file better than you just remembering?", "Not for long: if my version drifted, you'd never know.") != null);
        assertTrue(misfit("Wouldn't it be easier if you kept it?", "Not for long: if my version drifted, you'd never know.") == null);
        assertTrue(misfit("Why is a notes file better than you just remembering?", "It might be easier for a week. But you couldn't see it.") != null);
        assertTrue(misfit("Wouldn't it be easier if you kept it?", "It might be easier for a week. But you couldn't see it.") == null);
        assertTrue(misfit("Couldn't you skip the plan and just start?", "A little, on a job this size.") != null);
        assertTrue(misfit("Won't all that logging slow you down?", "A little, on a job this size.") == null);
        assertTrue(misfit("Is that odd to hear?", "All right. For next year's notes: two fixes.") != null);
        assertTrue(misfit("You're off on Friday.", "All right. For next year's notes: two fixes.") == null);
        assertTrue(misfit("Looking back, what do you make of that conversation?", "Differently from how I saw it then.") != null);
        assertTrue(misfit("How do you see that conversation now?", "Differently from how I saw it then.") == null);
        assertTrue(misfit("Looking back, {H}, what do you make of it?", "Differently from how I saw it then.") != null);
        assertTrue(ASKS_WHAT_BROKE.matcher("Can you go through what broke on the payroll?").matches()
                && !NAMES_FAULT.matcher("One thing I'd put first: I missed the problem until the complaints came in.").matches());
        assertTrue(CLAIMS_PRIOR.matcher("It may sound tidy because I've been asked before.").matches()
                && OVERCLAIMS.matcher("The last one didn't do anything to deserve a tired reading.").matches()
                && OVERCLAIMS.matcher("Unless it's written down, it goes with me.").matches());
        assertTrue(expand("[a|b] and [c|]", 10).size() == 4);
    }

    private static String cut(String s) {
        return s.length() > 90 ? s.substring(0, 90) + "…" : s;
    }
}
