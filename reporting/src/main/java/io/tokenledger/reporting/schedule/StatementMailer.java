package io.tokenledger.reporting.schedule;

import io.tokenledger.reporting.ReportingProperties;
import io.tokenledger.reporting.excel.ChargebackWorkbooks;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.StatementText;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Composes a statement email: the HTML statement as its body and/or the workbook attached. */
@Component
class StatementMailer {

    private final ReportingProperties.Schedules settings;

    StatementMailer(ReportingProperties properties) {
        this.settings = properties.reporting().schedules();
    }

    void send(JavaMailSender sender, List<String> recipients, StatementDocuments.Rendered rendered)
            throws MessagingException {
        ChargebackStatement statement = rendered.statement();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.mailFrom());
        helper.setTo(recipients.toArray(String[]::new));
        helper.setSubject(subject(statement));
        String text = plainText(statement, rendered.workbook() != null);
        if (rendered.html() != null) {
            helper.setText(text, rendered.html());
        } else {
            helper.setText(text);
        }
        if (rendered.workbook() != null) {
            helper.addAttachment(
                    ChargebackWorkbooks.fileName(statement),
                    new FileSystemResource(rendered.workbook()),
                    ChargebackWorkbooks.MEDIA_TYPE);
        }
        sender.send(message);
    }

    static String subject(ChargebackStatement statement) {
        return "TokenLedger chargeback " + StatementText.month(statement.period()) + " · "
                + statement.scope().describe() + " · " + money(statement);
    }

    private static String plainText(ChargebackStatement statement, boolean attached) {
        StringBuilder text = new StringBuilder()
                .append(statement.title())
                .append("\n\nTotal: ")
                .append(money(statement))
                .append(statement.complete() ? "" : " (month to date)")
                .append("\nTenants: ")
                .append(statement.tenants().size())
                .append("\nPeriod: ")
                .append(statement.from())
                .append(" to ")
                .append(statement.to())
                .append(", business days in ")
                .append(statement.zone().getId())
                .append('\n');
        if (attached) {
            text.append("\nThe chargeback workbook is attached: ")
                    .append(ChargebackWorkbooks.fileName(statement))
                    .append('\n');
        }
        return text.append("\n-- \nSent by TokenLedger on a report schedule.\n").toString();
    }

    private static String money(ChargebackStatement statement) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(Currency.getInstance(statement.currency()));
        format.setMinimumFractionDigits(statement.minorUnits());
        format.setMaximumFractionDigits(statement.minorUnits());
        return format.format(statement.total());
    }
}
