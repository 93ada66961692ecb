package io.tokenledger.reporting.html;

import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.ChargebackStatements;
import io.tokenledger.reporting.statement.StatementRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The chargeback statement as one HTML document (Thymeleaf), readable on screen, printable, and fit for an email
 * body: the same statement model, so the same numbers, as the workbook. Its own template engine, independent of
 * Spring MVC, so that email and web render it identically.
 */
@Service
public class HtmlStatements {

    private static final String PREFIX = "io/tokenledger/reporting/html/";
    private static final String CSS = readCss();

    private final ChargebackStatements statements;
    private final SpringTemplateEngine engine;

    HtmlStatements(ChargebackStatements statements) {
        this.statements = statements;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlStatements.class.getClassLoader());
        resolver.setPrefix(PREFIX);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        this.engine = new SpringTemplateEngine();
        this.engine.setTemplateResolver(resolver);
    }

    /** Builds the statement and renders it. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public String render(StatementRequest request, Stylesheet stylesheet) {
        return render(statements.statement(request), stylesheet);
    }

    /** Renders a statement that was built already (e.g. for the workbook sent with it). */
    public String render(ChargebackStatement statement, Stylesheet stylesheet) {
        Context context = new Context();
        context.setVariable("s", StatementView.of(statement));
        context.setVariable("inlineCss", stylesheet.isInline() ? CSS : null);
        context.setVariable("cssHref", stylesheet.href());
        return engine.process("chargeback", context);
    }

    /** The statement's stylesheet, for pages that link it instead of inlining it. */
    public static String css() {
        return CSS;
    }

    /** {@code tokenledger-chargeback-2026-11-all.html}. */
    public static String fileName(ChargebackStatement statement) {
        return "tokenledger-chargeback-" + statement.period() + "-"
                + statement.scope().slug() + ".html";
    }

    private static String readCss() {
        try (InputStream in = HtmlStatements.class.getClassLoader().getResourceAsStream(PREFIX + "statement.css")) {
            if (in == null) {
                throw new IllegalStateException(PREFIX + "statement.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
