package dev.exemplar.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.exemplar.doc.Json;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders an {@link AuditReport} as one self-contained HTML file: figures as tables, charts drawn
 * by Apache ECharts (inlined from its WebJar, so the file opens with no network), and the
 * stratified sample as filterable cards. The page is a Freemarker template with HTML auto-escaping.
 */
public final class HtmlReport {
    /** The chart library inside the {@code org.webjars.npm:echarts} jar. */
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.common.min.js";

    public void write(AuditReport report, Writer out) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_32);
        cfg.setClassLoaderForTemplateLoading(HtmlReport.class.getClassLoader(), "audit");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setNumberFormat("0.######");
        cfg.setLogTemplateExceptions(false);
        Map<String, Object> model = new HashMap<>();
        model.put("r", Json.MAPPER.convertValue(report, new TypeReference<Map<String, Object>>() {}));
        // Charts need the figures, not the sample texts, which are already in the page as HTML.
        AuditReport figures = new AuditReport(report.run(), report.totals(), report.breakdowns(), report.length(),
                report.rejections(), report.scores(), report.diversity(), report.ledger(), report.labels(), null, report.warnings());
        model.put("dataJson", scriptSafe(json(figures)));
        if (report.ledger() != null) model.put("ledgerJson", report.ledger().toPrettyString());
        model.put("echarts", resource(ECHARTS));
        model.put("script", resource("audit/report.js"));
        model.put("style", resource("audit/report.css"));
        try {
            Template t = cfg.getTemplate("report.ftlh");
            t.process(model, out);
            out.flush();
        } catch (TemplateException e) {
            throw new IllegalStateException("report template failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String render(AuditReport report) {
        StringWriter w = new StringWriter();
        write(report, w);
        return w.toString();
    }

    private static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON inside a script element must not contain "</" or an HTML comment opener. */
    static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("<!--", "<\\u0021--");
    }

    /** A text resource from the classpath; a missing one is a packaging bug. */
    static String resource(String path) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
