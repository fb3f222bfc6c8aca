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
 * The narration says only what the dialogue shows, and the AI claims only what it can do (blind
 * reads of draws 13 and 14): narration or a later speaker quoting AI words that were never said
 * ("she had underlined 'I don't know'"; a forum replier's "'I can't be sure' is the honest
 * answer"); narrated summaries of a reply that the printed reply does not bear out ("then gave a
 * way round it", "with a suggested fix", "checked whether Luana would like the long answer");
 * narration that knows more than the AI's own calibrated account ("Eamon realised that the
 * questions were a test" where Eamon says it guessed); and a chat assistant claiming a lasting
 * change with no mechanism ("I've changed how I work so it happens first", "Oriel adopted plain
 * wording for future reports"): a change holds only where a person keeps it, in the instructions
 * or the team's notes. Checked over a rendered corpus, with each document's spoken fields telling
 * the AI's words from the narration's.
 */
class AttributedWordsTest {
    private static final int DOCS = 2600; // 20 per archetype x format cell
    private static final List<PlannedSample> samples = new ArrayList<>();
    /** The narration: the text with every spoken field of the drawn units set aside. */
    private static final List<String> narration = new ArrayList<>();
    /** The AI's own speech (the units' replies), normalised. */
    private static final List<String> aiSaid = new ArrayList<>();
    /** Everything the units spoke, either side, normalised. */
    private static final List<String> allSaid = new ArrayList<>();
    /** The text with the people's lines (asks, reactions) set aside: the AI's speech and the narration. */
    private static final List<String> notPeople = new ArrayList<>();

    @BeforeAll
    static void render() throws Exception {
        for (PlannedSample s : TemplateCorpus.samples(60141226128L, DOCS)) {
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
            String text = TextPolisher.polish(d.text());
            String narr = text, mine = text;
            StringBuilder ai = new StringBuilder(), all = new StringBuilder();
            for (Expansion.Spoken sp : d.model().expansion().spoken()) {
                String said = TextPolisher.polish(sp.text()).strip();
                if (said.length() <= 3) continue;
                narr = narr.replace(said, " ");
                all.append(' ').append(norm(said));
                if (sp.field().equals("reply")) ai.append(' ').append(norm(said));
                else mine = mine.replace(said, " ");
            }
            samples.add(s);
            narration.add(narr);
            aiSaid.add(ai.toString());
            allSaid.add(all.toString());
            notPeople.add(mine);
        }
    }

    /** Lower case, one kind of apostrophe, words and apostrophes only, single spaces. */
    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^a-z0-9']+", " ").replaceAll("(?<![a-z])'|'(?![a-z])", " ")
                .replaceAll("\\s+", " ").strip();
    }

    private static String where(int i) {
        return samples.get(i).archetype() + "/" + samples.get(i).format() + " #" + i;
    }

    private static String around(String t, int at) {
        return t.substring(Math.max(0, at - 80), Math.min(t.length(), at + 100)).replace('\n', ' ');
    }

    private static List<String> report(List<String> bad) {
        return bad.subList(0, Math.min(40, bad.size()));
    }

    /** A quoted fragment: double quotes, curly quotes, or single quotes not part of a word. */
    static final Pattern QUOTED = Pattern.compile("\"([^\"\n]{2,200})\"|“([^”\n]{2,200})”|(?<![\\w’'])['‘]([A-Za-z][^'\n]{1,120}?)['’](?![\\w])");
    /** Words in the AI's voice: a fragment in the first person. */
    static final Pattern FIRST_PERSON = Pattern.compile("^(?:i|i'm|i'd|i've|i'll|my|me)\\b.*");
    /** A saying verb after the AI's name (or "it") earlier in the same sentence, right before the quote. */
    static final String SAYS = "\\b(?:said|says|answered|answers|replied|wrote|writes|put it|called it|told \\S+|admitted|offered|gave)\\b[^.!?\"]{0,25}$";

    /**
     * Every fragment the narration (or a speaker in a skeleton's or bank's line) quotes as the AI's
     * words, by a saying verb after the AI's name or by being in the first person, is in the
     * document's speech: the AI's replies for an attributed quote, anyone's words for a first-person
     * one.
     */
    @Test
    void quotedWordsOfTheAiWereSaid() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            String n = narration.get(i);
            Pattern byAi = Pattern.compile("(?i)\\b(?:" + Pattern.quote(samples.get(i).ai().name()) + "|it)\\b[^.!?\n]*?" + SAYS);
            Matcher m = QUOTED.matcher(n);
            while (m.find()) {
                String q = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                String nq = norm(q);
                if (nq.isEmpty()) continue;
                int from = Math.max(Math.max(n.lastIndexOf('.', m.start() - 1), n.lastIndexOf('\n', m.start() - 1)), 0);
                boolean attributed = byAi.matcher(n.substring(from, m.start())).find()
                        && !n.startsWith(" question", m.end()) && !n.startsWith(" request", m.end());
                boolean firstPerson = FIRST_PERSON.matcher(nq).matches();
                if (attributed && !aiSaid.get(i).contains(nq) || !attributed && firstPerson && !allSaid.get(i).contains(nq)) {
                    bad.add(where(i) + ": '" + q + "' in ..." + around(n, m.start()) + "...");
                }
            }
        }
        System.out.println("[AttributedWordsTest] quoted AI words never said: " + bad.size() + " of " + samples.size() + " documents' quotes");
        assertTrue(bad.isEmpty(), bad.size() + " quotes of the AI that it never said:\n" + String.join("\n", report(bad)));
    }

    /** A claim that the AI's way of working has changed for good, beyond this conversation. */
    static final Pattern LASTING = Pattern.compile("(?i)\\bfrom now on,? (?:i|each|every)\\b|\\bi'll [^.]{0,60}\\bfrom now on\\b|\\bi've added the check\\b|\\bchanged how i (?:work|read|check)\\b|\\bi've changed (?:the|how|my) (?:check|step|process|way)\\b"
            + "|\\bthe way i read that field has changed\\b|\\bthe (?:step|habit) i've (?:changed|fixed)\\b|\\bi've fixed the step\\b|\\bi've changed the process\\b"
            + "|\\bstarted (?:checking|flagging|rebuilding|reading back) (?:the \\S+ of )?every\\b|\\badopted [^.]{0,40}\\bfor (?:future|all future)\\b"
            + "|\\bi'll always\\b|\\bin future,? i\\b|\\bnow every figure gets\\b|\\bbefore i give you a figure now\\b|\\bevery (?:meeting|time) from now\\b");
    /** Where a lasting change is kept: something a person holds, or a scope no longer than the conversation. */
    static final Pattern MECHANISM = Pattern.compile("(?i)\\b(?:instructions?|notes?|guide|checklist|config\\w*|settings?|rules?|procedure|template|standing|prompt|runbook"
            + "|in this (?:conversation|chat|session)|this conversation|the rest of (?:this|the) (?:conversation|chat|session)|between conversations)\\b");

    /**
     * No line of the AI or of the narration claims a lasting habit of the AI ("from now on I check
     * the date", "adopted plain wording for future reports") without its mechanism in the same
     * sentence: a line in the instructions or notes a person keeps, or a scope of this conversation.
     */
    @Test
    void aLastingChangeNamesWhereItIsKept() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            for (String sentence : notPeople.get(i).split("(?<=[.!?])\\s+|\n+")) {
                String s = sentence.replace('’', '\'');
                Matcher m = LASTING.matcher(s);
                if (m.find() && !MECHANISM.matcher(s).find()) bad.add(where(i) + ": " + sentence.strip());
            }
        }
        System.out.println("[AttributedWordsTest] lasting changes without a mechanism: " + bad.size());
        assertTrue(bad.isEmpty(), bad.size() + " lasting changes with no mechanism:\n" + String.join("\n", report(bad)));
    }

    /** A narrated summary of what the AI did in its reply, and what its reply must then contain. */
    record Summary(Pattern narrated, Pattern shown) {}

    static final List<Summary> SUMMARIES = List.of(
            new Summary(Pattern.compile("(?i)\\b(?:gave|offered|with) (?:a way round|a suggested fix|a fix)\\b|\\bhere's how you'd close it\\b"),
                    Pattern.compile("\\b(?:you could|i'd suggest|i suggest|a way round|the fix is|one fix|fix would be|to close it|would close it|try)\\b")),
            new Summary(Pattern.compile("(?i)\\b(?:whether|if) \\S+ (?:wanted|would like|preferred) the (?:long|longer) (?:answer|version)\\b"),
                    Pattern.compile("\\b(?:longer|long version|more detail|the long answer|say more|go on if)\\b")));

    /** What the AI says when it only guessed: narration may not then say it knew. */
    static final Pattern GUESSED = Pattern.compile("\\b(?:i guessed|a guess|could be wrong|reads like|i can't be sure|i'm not sure|i might be wrong|not certain)\\b");

    /**
     * A narrated summary of a reply is borne out by the AI's speech in the same document ("gave a
     * way round it" where a reply gives one), and the narration does not say the AI realised or
     * knew what the AI itself calls a guess.
     */
    @Test
    void narratedSummariesAreShownInTheReplies() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            String n = narration.get(i);
            for (Summary s : SUMMARIES) {
                Matcher m = s.narrated().matcher(n);
                if (m.find() && !s.shown().matcher(aiSaid.get(i)).find()) bad.add(where(i) + ": '" + m.group() + "' in ..." + around(n, m.start()) + "...");
            }
            Pattern knew = Pattern.compile("(?i)\\b(?:" + Pattern.quote(samples.get(i).ai().name()) + "|it) (?:realised|knew|recognised|worked out|noticed) that\\b");
            Matcher k = knew.matcher(n);
            if (k.find() && GUESSED.matcher(aiSaid.get(i)).find()) bad.add(where(i) + ": '" + k.group() + "' in ..." + around(n, k.start()) + "...");
        }
        System.out.println("[AttributedWordsTest] narrated summaries not shown: " + bad.size());
        assertTrue(bad.isEmpty(), bad.size() + " narrated summaries the replies do not bear out:\n" + String.join("\n", report(bad)));
    }
}
