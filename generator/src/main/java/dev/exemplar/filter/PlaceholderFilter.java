package dev.exemplar.filter;

import dev.exemplar.doc.Document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects text with unrendered template syntax ({@code ${x}}, {@code <#if>}, {@code {{x}}},
 * {@code {A.role}}, {@code [a|b]}) or fill-in placeholders ({@code [Name]}, {@code [Your Name]},
 * {@code [INSERT DATE]}, {@code <COMPANY>}): code {@code placeholder}. Stage directions such as
 * {@code [laughs]} or {@code [Pause]} are not placeholders.
 */
public final class PlaceholderFilter implements DocumentFilter {
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\$\\{|</?#[a-z]|\\{\\{|\\}\\}|\\[%|\\{[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z_]+)*\\}"
                    + "|\\[[^\\]\\n|]{0,60}\\|[^\\]\\n]{0,200}\\]"
                    + "|\\[(?:(?:Your|First|Last|Full|AI|Company|Character|Person|Client|User|Recipient|Sender|Author|Team|Product|Project)[ _]?)?"
                    + "(?:Name|Company|Date|City|Location|Address|Title|Organi[sz]ation|Email|Phone|Number|Position|Role|Country|Town|Time|Year|Signature|Placeholder)\\]"
                    + "|\\[(?:insert|INSERT|Insert|placeholder|PLACEHOLDER|TBD|TODO|XXX)[^\\]\\n]{0,60}\\]"
                    + "|\\[[A-Z][A-Z _]{1,30}(?:NAME|DATE|PLACEHOLDER|COMPANY|CITY|TITLE)\\]"
                    + "|<(?:[A-Z][A-Z_ ]{1,30}(?:NAME|DATE|COMPANY|CITY|PLACEHOLDER))>"
                    + "|(?i:\\blorem ipsum\\b)");

    @Override
    public String name() { return "placeholders"; }

    @Override
    public Verdict check(Document doc) {
        String t = doc.text();
        // Cheap pre-check: every pattern needs one of these characters (or "lorem").
        if (t.indexOf('[') < 0 && t.indexOf('{') < 0 && t.indexOf('<') < 0 && t.indexOf('}') < 0
                && t.indexOf('$') < 0 && !t.contains("orem ipsum")) {
            return Verdict.KEEP;
        }
        Matcher m = PLACEHOLDER.matcher(t);
        if (m.find()) return Verdict.reject("placeholder", "unrendered placeholder \"" + m.group() + "\" at character " + m.start());
        return Verdict.KEEP;
    }
}
