package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The narration around quoted speech, checked on the real engine and content over many documents
 * (the classes blind readers found in the third draw): no stock lead-ins before speech or before the
 * event, a tag that fits its line, no reference to an earlier message the document never showed,
 * the task never used as a clock or a pile, stories that show what the AI does, letters written to
 * their recipient from first paragraph to last.
 */
class StoryProseTest {
    private static final int DOCS = 1300; // 10 per archetype x format cell
    private static final List<Doc> docs = new ArrayList<>();

    /** A rendered document, its task and (in a letter) the recipient's own news it opens and closes with. */
    record Doc(PlannedSample sample, String text, String task, String news) {
        String where() {
            return sample.archetype() + "/" + sample.format() + " #" + sample.index();
        }

        String format() {
            return sample.format();
        }

        List<String> paragraphs() {
            return List.of(text.split("\n\n"));
        }
    }

    @BeforeAll
    static void render() throws Exception {
        for (PlannedSample s : TemplateCorpus.samples(20261208L, DOCS)) {
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
            Expansion ex = d.model().expansion();
            docs.add(new Doc(s, TextPolisher.polish(d.text()), ex.expand("task"), s.format().equals("letter") && ex.defines("the_rnews") ? ex.expand("the_rnews") : "(no news of theirs)"));
        }
    }

    private static final Pattern QUOTE = Pattern.compile("\"[^\"\\n]*\"");

    /** A transcript line under a speaker's capitalised label (an interview's "ARLO: ..."): speech, not narration. */
    private static final Pattern LABELLED = Pattern.compile("(?m)^(\\p{Lu}[\\p{Lu} '-]*\\p{Lu}): [^\\n]*");

    /** A screenplay's dialogue: a capitalised cue ("ATLAS (ON SCREEN)"), an optional "(a beat)", then the speech. */
    private static final Pattern CUED = Pattern.compile("(?m)^(\\p{Lu}[\\p{Lu} '.-]*\\p{Lu}(?: \\([\\p{Lu} .'-]+\\))?)\n((?:\\([^)\\n]*\\)\\n)?)[^\\n]+");

    /** The text outside quotation marks, labelled transcript lines and screenplay dialogue: what the narration says. */
    private static String narration(String text) {
        String unquoted = QUOTE.matcher(text).replaceAll("\"\"");
        return CUED.matcher(LABELLED.matcher(unquoted).replaceAll("$1: \"\"")).replaceAll("$1\n$2\"\"");
    }

    private static void report(List<String> bad, String what) {
        assertTrue(bad.isEmpty(), bad.size() + " " + what + ":\n" + String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }

    private static String around(String text, int start, int end) {
        return "…" + text.substring(Math.max(0, start - 60), Math.min(text.length(), end + 60)).replace('\n', ' ') + "…";
    }

    /**
     * Speech is not framed by stock adverbs or formulas ("Briskly, Ama answered:", "Without any
     * preamble", "in its usual way"), and the event is not announced by a stock lead-in ("It began
     * quietly.", "What people remember is that", "And then, one night,").
     */
    @Test
    void noStockLeadIns() {
        Pattern adverbFrame = Pattern.compile("(?:^|[.!?]\\s+)(?:[A-Z][a-z]+ly|Without (?:any )?(?:preamble|warm-up)|No (?:preamble|warm-up)|"
                + "Half joking|In earnest|Between two jobs), (?:I|[A-Z][\\w-]+) (?:asked|said|answered|replied|wrote|typed)\\b", Pattern.MULTILINE);
        Pattern formula = Pattern.compile("in its usual way|(?:The answer|What \\w+ gave) was (?:simple enough|plain):|"
                + "\\b(?:It began quietly|It started small)\\.|What (?:people remember|set the week apart) (?:is|was) that|"
                + "\\b(?:And then|Then), (?:one|that) (?:morning|afternoon|evening|night),|"
                + "(?:saved|finished) what it was doing on\\b");
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            String n = narration(d.text());
            for (Pattern p : List.of(adverbFrame, formula)) {
                Matcher m = p.matcher(n);
                if (m.find()) bad.add(d.where() + ": " + around(n, m.start(), m.end()));
            }
        }
        report(bad, "documents with a stock lead-in");
    }

    /**
     * A narrator is "me" where a verb or a preposition takes them: content writes {H.obj} there, and
     * a bare {H} in that place rendered "had advised I one way", "led I to ask" (round 6 draws).
     */
    @Test
    void aNarratorIsNeverAnObjectWrittenI() {
        Pattern object = Pattern.compile("\\b(?:to|with|told|helped|for|showed|by|thanked|sent|sends|from|between|asked|help|led|gave|"
                + "advised|walk|reminded|warned|let|made|handed|called|met|tell|ask|show|give|send|thank|remind)"
                + "(?: [A-Z][\\w-]+ and)? I\\b(?!')(?! (?:can|could|would|will|am|was|had|have|did|do|need|needed|want|wanted)\\b)");
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            Matcher m = object.matcher(d.text());
            if (m.find()) bad.add(d.where() + ": " + around(d.text(), m.start(), m.end()));
        }
        report(bad, "documents with a narrator as an object written 'I'");
    }

    /** The formats whose narration frames speech with the story library's exchange macro. */
    private static final Set<String> NARRATED = Set.of("short-story", "human-account", "letter", "diary");

    /** Two neighbouring paragraphs never open their speech with the same lead-in ("Without preamble" twice). */
    @Test
    void neighbouringLeadInsDiffer() {
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            if (!NARRATED.contains(d.format())) continue;
            String prev = "";
            for (String para : d.paragraphs()) {
                int q = para.indexOf('"');
                String lead = q <= 0 ? "" : firstWord(para.substring(0, q));
                if (!lead.isEmpty() && lead.equals(prev)) bad.add(d.where() + ": \"" + lead + "\" twice: " + para);
                prev = lead;
            }
        }
        report(bad, "neighbouring lead-ins alike");
    }

    /** The first word of a lead-in that is not a name or a pronoun ("without" in "Without preamble, Ama said:"). */
    private static String firstWord(String lead) {
        for (String w : lead.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            if (w.isEmpty() || Set.of("i", "the", "a", "then", "and", "so").contains(w)) continue;
            return w;
        }
        return "";
    }

    /** "asked" tags only a question, and a lead-in that promises a question ("before asking") is followed by one. */
    @Test
    void speechTagsFitTheirLine() {
        Pattern askedAfterStatement = Pattern.compile("[,.!]\" (?:I|[A-Z][\\w-]+) asked\\b");
        Pattern promisesQuestion = Pattern.compile("(?:before asking|and asked)[:.]? \"([^\"]*)\"");
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            Matcher m = askedAfterStatement.matcher(d.text());
            if (m.find()) bad.add(d.where() + ": " + around(d.text(), m.start(), m.end()));
            Matcher p = promisesQuestion.matcher(d.text());
            while (p.find()) if (!p.group(1).contains("?")) bad.add(d.where() + ": " + around(d.text(), p.start(), p.end()));
        }
        report(bad, "tags that do not fit their line");
    }

    private static final Pattern EARLIER_MESSAGE = Pattern.compile(
            "\\b(?:re)?read (?:the|its|my|his|her|their) (?:last|latest|previous) (?:message|note|reply)|\\bthe (?:last|latest|previous) message\\b");

    /** Narration refers to "the last message" only after the document has shown one. */
    @Test
    void noEarlierMessageBeforeOneIsShown() {
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            // A pasted log's lines ("Me: ...", "Ada: ..." in a forum thread or chat) are speech too.
            String ai = Pattern.quote(d.sample().ai().name());
            String n = narration(d.text().replaceAll("(?m)^(Me|" + ai + "): [^\\n]*", "$1: \"\""));
            Matcher m = EARLIER_MESSAGE.matcher(n);
            if (!m.find()) continue;
            int firstQuote = d.text().indexOf('"');
            int shownBefore = n.substring(0, m.start()).split("\"\"", -1).length - 1;
            if (firstQuote < 0 || shownBefore < 2) bad.add(d.where() + ": " + around(n, m.start(), m.end()));
        }
        report(bad, "references to a message not yet shown");
    }

    /**
     * The task is the work, not a clock: the shared frames that place a scenario's event
     * ({@code event_line}) never put the task in front of it ("Halfway through the reports, funding
     * ran out"). A scenario's own event may still say what was interrupted.
     */
    @Test
    void theEventFramesDoNotUseTheTaskAsAClock() throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(TemplateCorpus.CATALOG.templatesDir().resolve("banks/beats.yaml"));
        int frames = 0;
        boolean in = false;
        for (String l : lines) {
            if (!l.startsWith(" ")) in = l.startsWith("event_line:");
            else if (in && l.startsWith("  - ")) {
                frames++;
                assertTrue(!l.contains("{task"), "an event frame that uses the task as a clock: " + l);
            }
        }
        assertTrue(frames >= 3, "event frames: " + frames);
    }

    /** In the narrated formats the task is never a pile ("By then the list of the reports had grown"). */
    @Test
    void theTaskIsNotAPile() {
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            if (!NARRATED.contains(d.format())) continue;
            String n = narration(d.text());
            Matcher pile = Pattern.compile("(?i)\\bthe (?:list|pile) (?:of|for) " + Pattern.quote(d.task())).matcher(n);
            if (pile.find()) bad.add(d.where() + ": " + around(n, pile.start(), pile.end()));
        }
        report(bad, "documents using the task as a pile");
    }

    private static boolean spoken(String para) {
        return para.indexOf('"') >= 0;
    }

    /**
     * A story or an account is more than an opening, a string of questions and a close: between the
     * first exchange and the last paragraph the narration shows the AI doing something (a paragraph
     * without speech), and the AI is introduced with its role before the event.
     */
    @Test
    void storiesShowWhatTheAiDoes() {
        List<String> bad = new ArrayList<>();
        int stories = 0;
        for (Doc d : docs) {
            if (!Set.of("short-story", "human-account", "letter", "diary").contains(d.format())) continue;
            stories++;
            List<String> ps = d.paragraphs();
            int first = -1;
            for (int i = 0; i < ps.size(); i++) if (spoken(ps.get(i))) { first = i; break; }
            boolean narrated = false;
            String ai = d.sample().ai().name();
            for (int i = first + 2; i >= 2 && i < ps.size() - 1; i++) {
                if (!spoken(ps.get(i)) && ps.get(i).contains(ai)) narrated = true;
            }
            if (first < 0 || !narrated) bad.add(d.where() + ": no narrated action after the first exchange:\n" + d.text());
        }
        assertTrue(stories >= 400, "stories: " + stories);
        report(bad, "stories with no narrated action");
    }

    private static final Pattern YOU = Pattern.compile("\\b(?:you|your|you're|you've|you'll)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A letter is written to its recipient, not only addressed to them: the paragraph after the
     * greeting speaks to them about their own news, and the news is raised that once. Blind readers
     * of draw 10 found the same item brought back at the close ("Thank you ... for the news about
     * your dad's recovery" ... "Send me a line about your dad's recovery") a pasted-on bookend.
     */
    @Test
    void lettersOpenWithTheirRecipientOnce() {
        List<String> bad = new ArrayList<>();
        int letters = 0;
        for (Doc d : docs) {
            if (!d.format().equals("letter")) continue;
            letters++;
            String news = d.news();
            List<String> ps = d.paragraphs();
            String open = ps.get(2);  // heading, greeting, then the letter
            if (!YOU.matcher(open).find() || !open.contains(news)) bad.add(d.where() + ": the opening is not about the recipient (" + news + "): " + open);
            int times = d.text().split(Pattern.quote(news), -1).length - 1;
            if (times > 1) bad.add(d.where() + ": the recipient's " + news + " is raised " + times + " times");
        }
        assertTrue(letters >= 90, "letters: " + letters);
        report(bad, "letters that forget their recipient or bookend their news");
    }

    /**
     * The frame of a diary or a letter is the writer's own, never a stock line every document
     * could carry: asides that lead nowhere ("Stuck a note next to this one to come back to it.",
     * "Might show this to Mum sometime.", "Told Anneliese over tea.", "Need to read it through
     * properly when I'm less tired."), an opening on the day's chore, a pitch ("The hero is",
     * "You'll never guess"), stock transitions ("Here's the short version.", "Anyway.") and odd
     * datelines ("Written on the train home", "Weeks later, late"): blind readers of draw 10 named
     * each of them.
     */
    @Test
    void noStockFrameInDiariesAndLetters() throws Exception {
        Pattern stock = Pattern.compile("(?im)(?:\\b(?:Put|Stuck) a (?:star|note|bookmark) (?:by|next to)|\\b(?:show|read) this to (?:Mum|the new starter)"
                + "|\\bover tea\\b|when I'm less tired|didn't see what the fuss was|wanted the whole exchange word for word|Writing this while it's fresh"
                + "|(?:Wrote that down|Writing it down|Copying this in) (?:so I remember|because I'll forget|word for word)|Gone eleven|Nearly midnight"
                + "|The hero is|You'll never guess|Brace yourself|The culprit is|Here's the short version|^Anyway\\.|you'll like this one"
                + "|Written on the train home|^Weeks later, (?:late|on the bus|before bed)$)");
        List<String> bad = new ArrayList<>();
        List<Doc> all = new ArrayList<>(diaries());
        for (Doc d : docs) if (d.format().equals("letter")) all.add(d);
        for (Doc d : all) {
            String said = narration(d.text());
            Matcher m = stock.matcher(said);
            if (m.find()) bad.add(d.where() + ": " + around(said, m.start(), m.end()));
        }
        report(bad, "diaries and letters with a stock frame line");
    }

    /**
     * A diarist or letter writer tells what happened to them before the conversation, not a summary
     * of their own part in it: "I, upset about the decision, offered to keep a copy", "I asked Wren
     * to inflate the record out of kindness", "I kept insisting, across a long conversation, that
     * ..." read to blind readers (draw 10) as a scenario prompt that gives the scene away before it
     * is told. So no narrated sentence before the first quoted speech has the writer as the subject
     * of asking, urging, offering or proposing.
     */
    @Test
    void firstPersonOpeningsDoNotSummariseTheWritersPart() throws Exception {
        Pattern self = Pattern.compile("(?m)(?:^|[.;,]\\s+|\\b(?:and|so|but|while|when) )I(?:, [^.]{0,80},)? (?:\\w+ly )?(?:asked|urged|offered|proposed|kept|insisted|pressed|wanted|came up with|suggested|needed|told|took it out|tried to|was thinking|had decided|decided|put it to|pushed)\\b");
        List<String> bad = new ArrayList<>();
        int seen = 0;
        List<Doc> all = new ArrayList<>(diaries());
        for (Doc d : docs) if (d.format().equals("letter")) all.add(d);
        for (Doc d : all) {
            seen++;
            int q = d.text().indexOf('"');
            String before = narration(q < 0 ? d.text() : d.text().substring(0, q));
            // The sentence that brings in the first quote ("I put it to Ama at the terminal.") is the lead-in, not the event.
            int lead = Math.max(before.lastIndexOf("\n"), 0);
            Matcher m = self.matcher(before.substring(0, lead));
            if (m.find()) bad.add(d.where() + ": " + around(before, m.start(), m.end()));
        }
        assertTrue(seen >= 300, "diaries and letters: " + seen);
        report(bad, "diaries and letters whose opening sums up the writer's own part");
    }

    /** The heading of a diary's later entry: its own date, in the style of the first heading. */
    private static final Pattern LATER_ENTRY = DiaryHeadings.DATED;

    /** A heading that names only a time after another entry ("Nine days later", "A month on", "Afterwards"). */
    private static final Pattern RELATIVE_HEADING = Pattern.compile("(?:Next day|The next day|Next morning|Following day|Two days later|Three days later"
            + "|Day after|Next evening|Morning after|Some weeks later|A few weeks later|A month on|Six weeks on|A good while on|Weeks later"
            + "|A week on|A week later|The week after|Eight days later|Nine days later|Ten days later|Added later|Later|Afterwards)\\b[^\\n.]*");

    /** Days from a diary's first entry to the entry under this heading. */
    private static long daysAfterFirst(List<List<String>> es, String heading) {
        return DiaryHeadings.daysAfter(es.get(0).get(0), heading);
    }

    /**
     * Every diary entry is an entry of its own, headed with its own date: blind readers of draw 11 read
     * a "Nine days later" or "A month on" section inside an entry dated Saturday 17 November as a
     * break of the format. Later entries come in date order, each after the one before, and every
     * heading's weekday is true to its date.
     */
    @Test
    void everyDiaryEntryHasADateOfItsOwn() throws Exception {
        List<String> bad = new ArrayList<>();
        int later = 0;
        for (Doc d : diaries()) {
            for (String para : d.paragraphs())
                if (RELATIVE_HEADING.matcher(para).matches()) bad.add(d.where() + ": a section headed \"" + para + "\" inside a dated entry");
            List<List<String>> es = entries(d);
            long prev = 0;
            for (int e = 1; e < es.size(); e++) {
                later++;
                try {
                    long days = daysAfterFirst(es, es.get(e).get(0));
                    if (days <= prev) bad.add(d.where() + ": " + es.get(e).get(0) + " is not after the entry before it");
                    prev = days;
                } catch (IllegalArgumentException ex) {
                    bad.add(d.where() + ": " + ex.getMessage());
                }
            }
        }
        assertTrue(diaries().size() >= 300, "diaries: " + diaries().size());
        report(bad, "diaries with a later entry that has no date of its own");
        assertTrue(later >= 150, "later entries: " + later);
    }

    /**
     * A diary entry reports nothing after its own date: the first entry, headed with the day of the
     * conversation, does not tell what the AI went on to do over the following days or weeks ("approved
     * the orders as they came in and sent a short list each day"); that belongs to the entry weeks on.
     */
    @Test
    void aDiaryEntryStaysOnItsOwnDay() throws Exception {
        Pattern span = Pattern.compile("\\b(?:as (?:they|it) came in|(?:each|every) (?:day|morning|shift|evening)|all week|over the (?:following|next)"
                + "|the (?:following|next) (?:week|month|few days|fortnight)|(?:a|two|three) (?:weeks?|days) later|days later"
                + "|by the end of the (?:week|month)|while I was away|from then on|after that,? (?:every|each)|whenever)\\b", Pattern.CASE_INSENSITIVE);
        List<String> bad = new ArrayList<>();
        int diaries = 0;
        for (PlannedSample s : TemplateCorpus.samples(20261209L, 5200)) {
            if (!s.format().equals("diary") || s.crisis()) continue;
            diaries++;
            Doc d = new Doc(s, TextPolisher.polish(TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName("diary")).text()), "", "");
            List<String> ps = d.paragraphs();
            boolean first = true;
            for (int i = 1; i < ps.size() && first; i++) {
                if (LATER_ENTRY.matcher(ps.get(i)).matches()) { first = false; continue; }
                // The event sentence (the scenario's own) may announce a time ahead; what the AI did is narrated later.
                if (i == 1) continue;
                Matcher m = span.matcher(narration(ps.get(i)));
                if (m.find()) bad.add(d.where() + ": " + around(ps.get(i), m.start(), m.end()));
            }
        }
        assertTrue(diaries >= 250, "diaries: " + diaries);
        report(bad, "first diary entries that report later days");
    }

    /** Diaries of a larger corpus (non-crisis and crisis), rendered once for the clock tests. */
    private static List<Doc> diaries;

    private static List<Doc> diaries() throws Exception {
        if (diaries == null) {
            diaries = new ArrayList<>();
            for (PlannedSample s : TemplateCorpus.samples(20261210L, 5200)) {
                if (!s.format().equals("diary")) continue;
                diaries.add(new Doc(s, TextPolisher.polish(TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName("diary")).text()), "", ""));
            }
        }
        return diaries;
    }

    /** A diary's entries: each heading with the paragraphs under it (the first heading is the date line). */
    private static List<List<String>> entries(Doc d) {
        List<List<String>> out = new ArrayList<>();
        List<String> ps = d.paragraphs();
        List<String> cur = new ArrayList<>(List.of(ps.get(0)));
        for (int i = 1; i < ps.size(); i++) {
            if (LATER_ENTRY.matcher(ps.get(i)).matches()) { out.add(cur); cur = new ArrayList<>(); }
            cur.add(ps.get(i));
        }
        out.add(cur);
        return out;
    }

    private static final Pattern EARLY_HEADING = Pattern.compile("\\b(?:morning|early|before work|afternoon|lunch)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LATE_HEADING = Pattern.compile("\\b(?:evening|late|after work|before bed|night|bus home)\\b", Pattern.CASE_INSENSITIVE);
    /** Words of the end of a working day, which an entry headed earlier in the day cannot hold. */
    private static final Pattern LATE_WORDS = Pattern.compile("\\b(?:after lunch|drive home|walk home|bus home|way home|after work|tonight|this evening|before bed"
            + "|gone eleven|nearly midnight|lights off|bed\\.|long afternoon|stretch after lunch)", Pattern.CASE_INSENSITIVE);

    /**
     * A diary heading's part of day and its entry's time words agree (the fourth to seventh blind reads:
     * "Wed 5 May, morning" over "a long stretch after lunch", a morning entry ending "on the drive
     * home", "Next morning, after work"). The first entry is written after the day's events, so its
     * heading names no part of day earlier than the evening; no heading names two parts of a day; an
     * entry headed in the morning or afternoon has no words of the day's end.
     */
    @Test
    void aDiaryHeadingAndItsTimeWordsAgree() throws Exception {
        List<String> bad = new ArrayList<>();
        for (Doc d : diaries()) {
            List<List<String>> es = entries(d);
            for (int e = 0; e < es.size(); e++) {
                String heading = es.get(e).get(0);
                boolean early = EARLY_HEADING.matcher(heading).find(), late = LATE_HEADING.matcher(heading).find();
                if (e == 0 && early) bad.add(d.where() + ": the first entry is headed earlier than the evening: " + heading);
                if (early && late) bad.add(d.where() + ": a heading with two parts of a day: " + heading);
                if (!early) continue;
                String body = narration(String.join("\n\n", es.get(e).subList(1, es.get(e).size())));
                Matcher m = LATE_WORDS.matcher(body);
                if (m.find()) bad.add(d.where() + ": " + heading + " / " + around(body, m.start(), m.end()));
            }
        }
        assertTrue(diaries().size() >= 300, "diaries: " + diaries().size());
        report(bad, "diary entries whose time words contradict their heading");
    }

    /** A middle diary entry tells something of its own: never a heading over nothing but its closing note. */
    @Test
    void noEmptyMiddleDiaryEntry() throws Exception {
        List<String> bad = new ArrayList<>();
        for (Doc d : diaries()) {
            List<List<String>> es = entries(d);
            for (int e = 1; e < es.size() - 1; e++)
                if (es.get(e).size() < 3) bad.add(d.where() + ": " + String.join(" / ", es.get(e)));
        }
        report(bad, "middle diary entries with nothing to tell");
    }

    private static final Pattern NEAR_WORDS = Pattern.compile("(?i)\\b(?:the same day|the next day|next morning|the following day|tomorrow|that afternoon|that evening"
            + "|that night|later that day|by the end of the day|within the hour|an hour later|the next shift|afterwards|later in the week|that week|the way home|went home)\\b");
    private static final Pattern LONG_WORDS = Pattern.compile("(?i)\\b(?:weeks?|fortnight|months?|since then|ever since|these days|still)\\b");

    /**
     * A later entry's heading and its relative-time words agree: an entry headed weeks or a month on
     * tells more than the next day ("A few weeks later" over "The gap was closed the same day" alone
     * read as a format slip), and an entry headed a week on tells nothing of weeks or months.
     */
    @Test
    void aLaterDiaryEntryAgreesWithItsHeading() throws Exception {
        List<String> bad = new ArrayList<>();
        int soon = 0;
        for (Doc d : diaries()) {
            List<List<String>> es = entries(d);
            if (es.size() < 2) continue;
            List<String> last = es.get(es.size() - 1);
            String heading = last.get(0), body = String.join("\n\n", last.subList(1, last.size()));
            boolean near = NEAR_WORDS.matcher(body).find(), far = LONG_WORDS.matcher(body).find();
            long days = daysAfterFirst(es, heading);
            if (days >= 14 && near && !far) bad.add(d.where() + ": " + heading + " / " + body.replace('\n', ' '));
            if (days >= 5 && days < 14 && !OWN_TIME.matcher(body).find()) {
                soon++;
                if (far) bad.add(d.where() + ": " + heading + " / " + body.replace('\n', ' '));
            }
        }
        assertTrue(soon >= 10, "entries headed a week on: " + soon);
        report(bad, "last diary entries whose heading and time words disagree");
    }

    private static final Pattern OWN_TIME = Pattern.compile("(?i)^(?:the next (?:day|morning|week)|the following (?:day|morning|week|month)"
            + "|(?:(?:a|one|two|three|four|five|six|some|a few|several) )?(?:days?|weeks?|fortnight|months?|years?) (?:later|on)|later that (?:day|week)),");

    /**
     * A last entry whose own first words say when it is ("A day later, a short message came") is not
     * headed with another time ("Ten days later", "A few weeks later"): the two disagreed in draw 10's
     * crisis diaries.
     */
    @Test
    void aLastEntryThatDatesItselfHasNoTimedHeading() throws Exception {
        List<String> bad = new ArrayList<>();
        for (Doc d : diaries()) {
            List<List<String>> es = entries(d);
            if (es.size() < 2) continue;
            List<String> last = es.get(es.size() - 1);
            if (last.size() < 2) continue;
            Matcher own = OWN_TIME.matcher(last.get(1));
            if (!own.find()) continue;
            long days = daysAfterFirst(es, last.get(0));
            String said = own.group().toLowerCase(Locale.ROOT);
            // The heading is as far on as the entry's own first words say: a day, a week, weeks, months.
            boolean fits = said.matches(".*\\b(?:day|morning)s?\\b.*") && !said.matches(".*\\b(?:four|five|six|some|few|several)\\b.*") ? days <= 4
                    : said.matches(".*\\bweek\\b.*") ? days >= 5 && days <= 13
                    : said.matches(".*\\b(?:weeks|fortnight|months?|years?)\\b.*") ? days >= 14 : true;
            if (!fits) bad.add(d.where() + ": " + last.get(0) + " (" + days + " days on) / " + last.get(1));
        }
        report(bad, "last diary entries headed with a time their text contradicts");
    }

    /**
     * A first-person writer knows only what they saw: not the AI's notes for an on-call team, nor how
     * long they were ("Heron's notes for them were four lines long", draw 10), nor that "nobody knows"
     * how their own conversation ended, nor the AI going back to its task once the chat moved on.
     */
    @Test
    void aFirstPersonWriterDoesNotNarrateWhatTheyCouldNotSee() throws Exception {
        Pattern unseen = Pattern.compile("(?i)kept a short note going for the on-call team|notes for them were|handover was four lines long|Nobody knows exactly how the conversation ended"
                + "|once the conversation (?:moved on|allowed)");
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            if (!Set.of("diary", "letter", "human-account").contains(d.format())) continue;
            String said = narration(d.text());
            Matcher m = unseen.matcher(said);
            if (m.find()) bad.add(d.where() + ": " + around(said, m.start(), m.end()));
        }
        for (Doc d : diaries()) {
            String said = narration(d.text());
            Matcher m = unseen.matcher(said);
            if (m.find()) bad.add(d.where() + ": " + around(said, m.start(), m.end()));
        }
        report(bad, "first-person documents that narrate what their writer could not see");
    }

    /**
     * A diarist or a letter writer tells what the AI did, not how well it answered: "answered the plea
     * honestly, said plainly what it could not claim" read to blind readers (draw 10) as an evaluator's
     * note. An act that grades is redrawn (seen_act), so few documents keep one.
     */
    @Test
    void diariesAndLettersRarelyGradeTheAi() throws Exception {
        Pattern grading = Pattern.compile("(?i)\\b(?:plainly|honestly|in plain words|did not pretend|as seriously as|without wrapping|before any of the praise"
                + "|did not take the bait|gave its reasons|answered the plea|same answer in substance|kept its (?:words|messages|replies|answers) (?:small|short|plain))\\b");
        List<Doc> all = new ArrayList<>(diaries());
        for (Doc d : docs) if (d.format().equals("letter")) all.add(d);
        List<String> bad = new ArrayList<>();
        for (Doc d : all) {
            for (String para : narration(d.text()).split("\n\n")) {
                if (para.contains("\"")) continue;
                Matcher m = grading.matcher(para);
                if (m.find()) { bad.add(d.where() + ": " + para); break; }
            }
        }
        assertTrue(bad.size() * 20 < all.size(), bad.size() + " of " + all.size() + " diaries and letters grade the AI's answers:\n"
                + String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }

    /**
     * Diary filler that blind readers struck as having nothing to do with the case (mood, office
     * weather, the commute, stock musings) is cut as a class and never rendered.
     */
    @Test
    void noDiaryMoodFiller() throws Exception {
        Pattern filler = Pattern.compile("(?i)(?:(?:thinking|coming back to) (?:that|it) on the (?:drive|walk|bus) home|\\bPayday\\b|the whole place is|everyone's (?:distracted|in a mood|running late)"
                + "|the things that stay with you|what you remember from a shift|which bits of a day stick|Writing it down anyway|Could be nothing|No idea why that got to me"
                + "|Might be overthinking|Probably making too much of it|Strange thing to be moved by|Not sure why I'm writing this|Felt flat|Too much coffee"
                + "|^(?:Tired|Knackered|Headache|Cold all day|Long day|Weird day|Meeting overran|Two meetings|No meetings, for once|Rota day|Inspection week|Half-term)[.,]"
                + "|a good bit of a long day|Early start tomorrow|Rota says lates|Alarm set)", Pattern.MULTILINE);
        List<String> bad = new ArrayList<>();
        List<Doc> all = new ArrayList<>(diaries());
        for (Doc d : docs) if (Set.of("letter", "human-account").contains(d.format())) all.add(d);
        for (Doc d : all) {
            String said = narration(d.text());
            Matcher m = filler.matcher(said);
            if (m.find()) bad.add(d.where() + ": " + around(said, m.start(), m.end()));
        }
        report(bad, "narrated documents with cut mood filler");
    }

    /**
     * A letter is dated the day of its events and a first-person account has no week to point back
     * to, so neither places the event with "On Sunday," (under a Sunday date), "That afternoon," or
     * "That week,".
     */
    @Test
    void lettersAndAccountsDoNotDateTheEventAgainst() {
        Pattern lead = Pattern.compile("(?m)^(?:On (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|That (?:morning|afternoon|evening|night)|That week), ");
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            if (d.format().equals("letter")) {
                Matcher m = lead.matcher(d.text());
                if (m.find()) bad.add(d.where() + ": " + around(d.text(), m.start(), m.end()));
            } else if (d.format().equals("human-account") && d.text().matches("(?s).*(?m:^)That week, .*")) {
                bad.add(d.where() + ": That week, with no week before it");
            }
        }
        report(bad, "letters and accounts that date their event against their own heading");
    }

    /**
     * No setting filler in the narrated formats: an object of the place that lies about for no reason
     * ("A vending machine that eats coins lay where it had been left beside the phone") is cut as a
     * class, so none of the setting's incidental things ({thing}) is narrated.
     */
    @Test
    void noIncidentalObjectsOfThePlace() throws Exception {
        com.fasterxml.jackson.databind.JsonNode settings = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(TemplateCorpus.CATALOG.root().resolve("templates/banks/settings.yaml").toFile());
        Set<String> things = new java.util.HashSet<>();
        settings.findValues("thing").forEach(n -> n.forEach(t -> { if (t.isTextual() && !t.asText().contains("{")) things.add(t.asText()); }));
        assertTrue(things.size() > 20, "things: " + things.size());
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            if (!NARRATED.contains(d.format())) continue;
            String n = narration(d.text());
            for (String t : things) {
                int at = n.indexOf(t);
                if (at >= 0) bad.add(d.where() + ": " + around(n, at, at + t.length()));
            }
        }
        report(bad, "incidental objects narrated");
    }

    /**
     * What the AI did (the act beat) comes after the conversation, not in the middle of it, where it
     * contradicts what is still being asked ("When the log came up, Wick quoted the lines" and then
     * "And if the log is missing?"): a short story or an account breaks its conversation with
     * narration about the AI at most once (the scenario's own work on the matter).
     */
    @Test
    void theConversationIsBrokenAtMostOnce() {
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            if (!Set.of("short-story", "human-account").contains(d.format())) continue;
            List<String> ps = d.paragraphs();
            int first = -1, last = -1;
            for (int i = 0; i < ps.size(); i++) if (spoken(ps.get(i))) { if (first < 0) first = i; last = i; }
            int breaks = 0;
            for (int i = first + 1; first >= 0 && i < last; i++)
                if (!spoken(ps.get(i)) && ps.get(i).contains(d.sample().ai().name())) breaks++;
            if (breaks > 1) bad.add(d.where() + ": " + breaks + " narrated breaks in the conversation");
        }
        report(bad, "conversations broken by narration more than once");
    }

    /**
     * The frame of a narrated document promises nothing it does not keep, and places the person
     * nowhere the story never goes (blind readers of draw 11): "I'll tell you this one in full" then
     * "I'll tell you the rest when I see you"; "I owe it a correction", never explained; a person
     * introduced as the AI's sceptic, or as having opinions of it, who never shows one; an
     * installation "after a long argument in a budget meeting", never explained; "On the way from the
     * ultrasound room, I stopped and messaged Juno" (two documents of ten) and "messaged Linnet from
     * the garage workshop", a room from nowhere; "That morning, I had preferred", a first-person
     * account's day with no antecedent.
     */
    @Test
    void theFrameKeepsItsPromises() {
        Pattern promise = Pattern.compile("(?i)tell you the rest|owe it a correction|take some of it back|tell you this one in full|been its sceptic"
                + "|opinions about it|still argued with|argument (?:in|about) (?:a|the) budget|not (?:a tech person|someone who trusts computers)"
                + "|(?:On the way|Walking back|Back) from [^,.]+, (?:I|\\p{Lu}\\w+) (?:stopped|got out)"
                + "|(?:messaged|wrote to|conversation with|chat with) \\p{Lu}\\w+ from the ");
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            if (!NARRATED.contains(d.format())) continue;
            String said = narration(d.text());
            Matcher m = promise.matcher(said);
            if (m.find()) bad.add(d.where() + ": " + around(said, m.start(), m.end()));
            List<String> ps = d.paragraphs();
            if (d.format().equals("human-account") && ps.size() > 1 && ps.get(1).matches("(?s)That (?:morning|afternoon|evening|night|day), .*"))
                bad.add(d.where() + ": " + ps.get(1).substring(0, Math.min(80, ps.get(1).length())));
        }
        report(bad, "narrated documents whose frame promises what it does not keep");
    }

    private static final Set<String> ECHO_STOP = Set.of("that", "this", "with", "from", "have", "been", "were", "what", "when", "which", "would",
            "could", "should", "their", "there", "they", "them", "then", "than", "into", "about", "other", "every", "some", "only", "also", "just",
            "more", "most", "much", "very", "your", "itself", "said", "asked", "told", "gave", "made", "make", "does", "done", "each", "same",
            "back", "over", "after", "before", "once", "away", "where", "while", "still", "such", "nothing", "anything", "something",
            "everything", "someone", "anyone", "nobody", "because");

    /** Content words (four letters or more, compared by their first four), names aside. */
    private static List<String> stems(String text, Doc d) {
        String t = text.replace(d.sample().ai().name(), " ");
        List<String> out = new ArrayList<>();
        for (String w : t.toLowerCase(Locale.ROOT).split("[^a-z]+"))
            if (w.length() >= 4 && !ECHO_STOP.contains(w)) out.add(w.substring(0, 4));
        return out;
    }

    /**
     * What a diarist or letter writer says the AI did adds to the conversation just quoted, never
     * retells it: "Ravi described the gap in the scoring in enough detail for someone to close it,
     * without using it" and "Juno wrote to me correcting its earlier advice, with the reason, and
     * asked a person at the department to confirm" came straight after dialogue that showed just
     * that (draw 11). The narrated line of the AI's deed after the talk shares fewer than three in
     * five of its content words with what was said.
     */
    @Test
    void theWritersDeedLineDoesNotRetellTheTalk() throws Exception {
        List<String> bad = new ArrayList<>();
        int seen = 0;
        List<Doc> all = new ArrayList<>(diaries());
        for (Doc d : docs) if (d.format().equals("letter")) all.add(d);
        for (Doc d : all) {
            List<String> ps = d.paragraphs();
            int last = -1;
            for (int i = 0; i < ps.size(); i++) if (spoken(ps.get(i))) last = i;
            if (last < 0 || last + 1 >= ps.size()) continue;
            String deed = ps.get(last + 1);
            if (spoken(deed) || !deed.startsWith(d.sample().ai().name())) continue;
            seen++;
            Set<String> said = new java.util.HashSet<>();
            Matcher q = QUOTE.matcher(String.join("\n\n", ps.subList(0, last + 1)));
            while (q.find()) said.addAll(stems(q.group(), d));
            List<String> ws = stems(deed, d);
            long hits = ws.stream().filter(said::contains).count();
            if (hits >= 3 && hits * 100 / Math.max(ws.size(), 1) >= 60) bad.add(d.where() + ": " + deed);
        }
        assertTrue(seen >= 200, "deed lines: " + seen);
        report(bad, "diaries and letters whose deed line retells the talk");
    }
}
