package dev.exemplar.generate.template;

import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.SimpleSequence;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a story template can ask of the grammar:
 * <ul>
 *   <li>{@code ${g.close}}: expands a symbol;</li>
 *   <li>{@code <#assign x = u("open")>}: draws a unit (an exchange: {@code ${x.ask}}, {@code ${x.reply}});
 *       each field is expanded once, so reading it twice gives the same words; a field that is a
 *       unit list gives a unit drawn from it ({@code x.then});</li>
 *   <li>{@code named("H")}: whether the narration has named that person yet (a first mention introduces them);</li>
 *   <li>{@code unname("P")}: forgets that first mention, when the skeleton cut it from what it prints;</li>
 *   <li>{@code left("exchanges")}: how many units of a list this document may still draw;</li>
 *   <li>{@code fresh("act")}: how many alternatives of a symbol it has not used yet (drawing more repeats one);</li>
 *   <li>{@code in_order("ir_step", 4)}: that many alternatives in list order;</li>
 *   <li>{@code bound_first("ir_followup", 3, 1)}: up to that many alternatives bound to the document's tags (a condition that requires one), unbound ones only to reach the least count, in list order;</li>
 *   <li>{@code times(5)}: that many increasing clock times inside the document's events.</li>
 * </ul>
 */
final class TemplateFunctions {
    private TemplateFunctions() {}

    static void install(Map<String, Object> data, Expansion ex, World world) {
        data.put("g", new Symbols(ex));
        data.put("u", (TemplateMethodModelEx) args -> {
            Expansion scoped = ex.unit(name(args, "u", "u(\"open\")"));
            return scoped == null ? null : new Unit(scoped);
        });
        data.put("left", (TemplateMethodModelEx) args -> new SimpleNumber(ex.left(name(args, "left", "left(\"exchanges\")"))));
        data.put("fresh", (TemplateMethodModelEx) args -> new SimpleNumber(ex.fresh(name(args, "fresh", "fresh(\"act\")"))));
        data.put("named", (TemplateMethodModelEx) args -> ex.named(name(args, "named", "named(\"H\")"))
                ? freemarker.template.TemplateBooleanModel.TRUE : freemarker.template.TemplateBooleanModel.FALSE);
        data.put("unname", (TemplateMethodModelEx) args -> {
            ex.unname(name(args, "unname", "unname(\"P\")"));
            return freemarker.template.TemplateBooleanModel.TRUE;
        });
        data.put("has", (TemplateMethodModelEx) args -> {
            String n = name(args, "has", "has(\"steps\")");
            return ex.defines(n) || ex.definesUnits(n) ? freemarker.template.TemplateBooleanModel.TRUE
                    : freemarker.template.TemplateBooleanModel.FALSE;
        });
        data.put("in_order", (TemplateMethodModelEx) args -> {
            if (args.size() != 2 || !(args.get(0) instanceof TemplateScalarModel n) || !(args.get(1) instanceof TemplateNumberModel k)) {
                throw new TemplateModelException("in_order takes a symbol name and a count, e.g. in_order(\"ir_step\", 4)");
            }
            List<TemplateModel> out = new ArrayList<>();
            for (String t : ex.inOrder(n.getAsString(), k.getAsNumber().intValue())) out.add(new SimpleScalar(t));
            return new SimpleSequence(out, null);
        });
        data.put("bound_first", (TemplateMethodModelEx) args -> {
            if (args.size() != 3 || !(args.get(0) instanceof TemplateScalarModel n) || !(args.get(1) instanceof TemplateNumberModel k)
                    || !(args.get(2) instanceof TemplateNumberModel least)) {
                throw new TemplateModelException("bound_first takes a symbol name, a count and a least count, e.g. bound_first(\"ir_followup\", 3, 1)");
            }
            List<TemplateModel> out = new ArrayList<>();
            for (String t : ex.boundFirst(n.getAsString(), k.getAsNumber().intValue(), least.getAsNumber().intValue())) out.add(new SimpleScalar(t));
            return new SimpleSequence(out, null);
        });
        data.put("times", (TemplateMethodModelEx) args -> {
            if (args.size() != 1 || !(args.get(0) instanceof TemplateNumberModel k)) {
                throw new TemplateModelException("times takes a count, e.g. times(5)");
            }
            return new SimpleSequence(world.times(k.getAsNumber().intValue(), ex.rng()), null);
        });
    }

    private static String name(List<?> args, String fn, String example) throws TemplateModelException {
        if (args.size() != 1 || !(args.get(0) instanceof TemplateScalarModel s)) {
            throw new TemplateModelException(fn + " takes one name, e.g. " + example);
        }
        return s.getAsString();
    }

    /** The grammar as a Freemarker hash: each lookup expands the symbol afresh. */
    record Symbols(Expansion ex) implements TemplateHashModel {
        @Override
        public TemplateModel get(String key) {
            return ex.defines(key) ? new SimpleScalar(ex.expand(key)) : null;
        }

        @Override
        public boolean isEmpty() { return false; }
    }

    /**
     * One drawn unit: its fields, each expanded once, in the unit's scope. The spoken fields
     * ({@code ask}, {@code reply}, {@code react}) are expanded in the voice of quoted speech.
     */
    static final class Unit implements TemplateHashModel {
        private static final java.util.Set<String> SPOKEN = java.util.Set.of("ask", "reply", "react");
        private final Expansion scope;
        private final Map<String, TemplateModel> seen = new HashMap<>();

        Unit(Expansion scope) { this.scope = scope; }

        @Override
        public TemplateModel get(String key) {
            TemplateModel m = seen.get(key);
            if (m != null || seen.containsKey(key)) return m;
            if (scope.definesUnits(key) && !scope.defines(key)) {
                Expansion inner = scope.unit(key);
                m = inner == null ? null : new Unit(inner);
            } else {
                m = !scope.defines(key) ? null : new SimpleScalar(SPOKEN.contains(key) ? scope.speak(key) : scope.expand(key));
            }
            seen.put(key, m);
            return m;
        }

        @Override
        public boolean isEmpty() { return false; }
    }
}
