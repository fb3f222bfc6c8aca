package dev.exemplar.generate.template;

import freemarker.core.ParseException;
import freemarker.template.TemplateException;

/**
 * Turns a Freemarker failure into one line a template author can act on:
 * {@code template:line: what went wrong (the underlying reason)}, without Freemarker's FTL stack,
 * tips or object identities, so sandbox refusals ("?new is not allowed", "?api is disabled",
 * an include outside templates/) read clearly in rejected.jsonl and the run summary.
 */
public final class TemplateErrors {
    private static final int MAX = 400;

    private TemplateErrors() {}

    public static String describe(String templateName, Exception e) {
        String where = templateName;
        String message;
        if (e instanceof TemplateException te) {
            String source = te.getTemplateSourceName() != null ? te.getTemplateSourceName() : templateName;
            where = source + (te.getLineNumber() != null ? ":" + te.getLineNumber() : "");
            message = te.getMessageWithoutStackTop();
        } else if (e instanceof ParseException pe) {
            where = (pe.getTemplateName() != null ? pe.getTemplateName() : templateName) + ":" + pe.getLineNumber();
            message = pe.getEditorMessage();
        } else {
            message = e.getMessage();
        }
        String text = clean(message);
        // The reason of a failed include/eval/interpret sits in the innermost cause.
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root != e) {
            String reason = clean(root instanceof TemplateException rt ? rt.getMessageWithoutStackTop() : root.getMessage());
            if (!reason.isEmpty() && !text.contains(reason)) text = text + " (" + reason + ")";
        }
        if (!text.startsWith(templateName) && !text.startsWith(where)) text = where + ": " + text;
        return text.length() > MAX ? text.substring(0, MAX - 3) + "..." : text;
    }

    /** One line: Freemarker's tips, separators and stack sections removed, whitespace collapsed. */
    public static String clean(String message) {
        if (message == null) return "";
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\n")) {
            String l = line.strip();
            if (l.startsWith("==>")) {
                // The expression that failed ("==> no_such_symbol  [in template ...]"): the part an author needs.
                String expr = l.substring(3);
                int in = expr.indexOf("[in template");
                l = (in >= 0 ? expr.substring(0, in) : expr).strip();
                if (l.isEmpty() || sb.indexOf(l) >= 0) continue;
            }
            if (l.startsWith("----") || l.startsWith("Tip:") || l.startsWith("FTL stack trace")
                    || l.startsWith("- Failed at:") || l.startsWith("- Reached through:") || l.startsWith("Java stack trace")) {
                if (l.startsWith("FTL stack trace") || l.startsWith("Java stack trace")) break;
                continue;
            }
            if (l.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(l);
        }
        String out = sb.toString()
                .replaceAll("freemarker\\.core\\.Environment@[0-9a-f]+", " ")
                .replace("---begin-message---", "").replace("---end-message---", "")
                .replace(" Think twice before you set it to true though. Especially, it shouldn't abused for modifying Map-s and Collection-s.", "");
        // Freemarker appends the blamed expression and loader internals (absolute paths); the template line says enough.
        for (String tail : new String[] {" The blamed expression:", " The failing expression:", " The name was interpreted by this TemplateLoader"}) {
            int cut = out.indexOf(tail);
            if (cut >= 0) out = out.substring(0, cut);
        }
        return out.replaceAll("\\s+", " ").strip();
    }
}
