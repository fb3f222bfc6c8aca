package dev.exemplar.filter;

import dev.exemplar.doc.Document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rejects text with unrendered template syntax, a literal "null", or bracketed placeholders like [Name]. */
public final class PlaceholderFilter implements DocumentFilter {
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\$\\{[^}]*}|<#|</#|<@|\\{\\{[^}]*}}|\\[(?:[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*|[A-Z_]{2,})]|\\bnull\\b");

    @Override
    public String name() { return "placeholders"; }

    @Override
    public Verdict check(Document doc) {
        Matcher m = PLACEHOLDER.matcher(doc.text());
        if (m.find()) return Verdict.reject("placeholder", "unrendered placeholder \"" + m.group() + "\"");
        return Verdict.KEEP;
    }
}
