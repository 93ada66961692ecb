package io.tokenledger.reporting.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.reporting.MarchScenario;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ReportingTestApplication;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Scheduled statements through Spring's mail support to a real SMTP server running in the test (GreenMail on
 * 127.0.0.1): the occurrence is claimed by a tick, the message is received with its attachment, and a failed send
 * is retried with a growing wait and shown in the run log.
 */
@SpringBootTest(
        classes = ReportingTestApplication.class,
        properties = {
            "tokenledger.reporting.schedules.enabled=false",
            "tokenledger.reporting.schedules.max-attempts=3",
            "tokenledger.reporting.schedules.first-retry=1m",
            "tokenledger.reporting.schedules.mail-from=TokenLedger Reports <reports@tokenledger.example>",
            "spring.mail.host=" + Mailbox.HOST
        })
@UsesTestDatabase
class ScheduledEmailIT {

    /** The first occurrence of a monthly 07:00 schedule after March 2025: it reports March. */
    private static final Instant APRIL_FIRST_0700 = Instant.parse("2025-04-01T07:00:00Z");

    private static final Instant TICK = APRIL_FIRST_0700.plusSeconds(20);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> Mailbox.PORT);
    }

    @Autowired
    ReportingData data;

    @Autowired
    ReportSchedules schedules;

    @Autowired
    ScheduleTicker ticker;

    @Autowired
    ReportDeliveries deliveries;

    @Autowired
    Ledgers ledgers;

    private GreenMail smtp;

    @BeforeEach
    void marchAndAnEmptyMailbox() throws Exception {
        MarchScenario.load(data);
        // acme has an owner, globex has none
        TestDatabase.get()
                .dsl()
                .execute("update tenant set owner_email = 'owner@acme.example' where tenant_key = 'acme'");
        smtp = Mailbox.start();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopSmtp() {
        Mailbox.stop();
    }

    @Test
    void theScheduledOccurrenceMailsTheWorkbookWhoseTotalIsTheLedgers() throws Exception {
        ReportSchedule schedule =
                scheduled(ScheduleTestData.monthly("all", "xlsx", "finance@example.com", "cfo@example.com"));

        assertThat(ticker.tick(TICK, "instance-a")).isEqualTo(1);
        assertThat(deliveries.deliverDue(TICK)).isEqualTo(1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).startsWith("TokenLedger chargeback March 2025 · All tenants · $");
        assertThat(message.getFrom()[0].toString()).contains("reports@tokenledger.example");
        assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder("finance@example.com", "cfo@example.com");
        Part attachment = attachments(message).getFirst();
        assertThat(attachment.getFileName()).isEqualTo("tokenledger-chargeback-2025-03-all.xlsx");
        assertThat(attachment.getContentType())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(
                new ByteArrayInputStream(attachment.getInputStream().readAllBytes()))) {
            assertThat(summaryTotal(workbook)).isEqualTo(ledgerTotal(Optional.empty()));
        }

        ReportRun run = schedules.runs(schedule.id(), 10).getFirst();
        assertThat(run.outcome()).isEqualTo("sent");
        assertThat(run.trigger()).isEqualTo("schedule");
        assertThat(run.occurrence()).isEqualTo(APRIL_FIRST_0700);
        assertThat(run.period()).hasToString("2025-03");
        assertThat(run.recipients()).containsExactly("finance@example.com", "cfo@example.com");
        assertThat(run.deliveries().getFirst().attempts()).isEqualTo(1);
    }

    @Test
    void theSameOccurrenceIsNotSentTwice() {
        scheduled(ScheduleTestData.monthly("all", "xlsx", "finance@example.com"));

        assertThat(ticker.tick(TICK, "instance-a")).isEqualTo(1);
        assertThat(ticker.tick(TICK.plusSeconds(30), "instance-b")).isZero();
        deliveries.deliverDue(TICK.plusSeconds(30));
        deliveries.deliverDue(TICK.plusSeconds(60));

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anHtmlScheduleSendsTheCostCentersStatementAsTheBody() throws Exception {
        scheduled(ScheduleTestData.monthly("costCenter:CC-100", "html", "cc100@example.com"));

        ticker.tick(TICK, "instance-a");
        deliveries.deliverDue(TICK);

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(attachments(message)).isEmpty();
        var page = Jsoup.parse(htmlBody(message));
        assertThat(page.selectFirst("h1").text()).contains("Cost center CC-100");
        assertThat(page.select("#summary tr[data-tenant]").eachAttr("data-tenant"))
                .containsExactly("acme", "globex");
        BigDecimal expected = ledgerTotal(Optional.empty(), Set.of("acme", "globex"));
        assertThat(page.selectFirst("#statement-total").text()).isEqualTo(dollars(expected));
    }

    @Test
    void bothFormatsCarryTheSameTotalInBodyAndAttachment() throws Exception {
        scheduled(ScheduleTestData.monthly("tenant:globex", "both", "globex@example.com"));

        ticker.tick(TICK, "instance-a");
        deliveries.deliverDue(TICK);

        MimeMessage message = smtp.getReceivedMessages()[0];
        BigDecimal expected = ledgerTotal(Optional.of("globex"));
        assertThat(Jsoup.parse(htmlBody(message))
                        .selectFirst("#statement-total")
                        .text())
                .isEqualTo(dollars(expected));
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(attachments(message).getFirst().getInputStream())) {
            assertThat(summaryTotal(workbook)).isEqualTo(expected);
        }
    }

    @Test
    void aFailedSendIsRetriedWithAGrowingWaitUntilItGoesThrough() {
        ReportSchedule schedule = scheduled(ScheduleTestData.monthly("all", "xlsx", "finance@example.com"));
        ticker.tick(TICK, "instance-a");
        Mailbox.stop();

        deliveries.deliverDue(TICK);

        ReportDelivery first = delivery(schedule);
        assertThat(first.state()).isEqualTo("pending");
        assertThat(first.retrying()).isTrue();
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).containsIgnoringCase("connect");
        assertThat(first.nextAttemptAt()).isEqualTo(TICK.plus(Duration.ofMinutes(1)));
        assertThat(schedules.runs(schedule.id(), 1).getFirst().outcome()).isEqualTo("retrying");

        assertThat(deliveries.deliverDue(TICK.plusSeconds(59)))
                .as("not due yet")
                .isZero();
        deliveries.deliverDue(TICK.plus(Duration.ofMinutes(1)));
        ReportDelivery second = delivery(schedule);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).isEqualTo(TICK.plus(Duration.ofMinutes(3)));

        smtp = Mailbox.start();
        deliveries.deliverDue(TICK.plus(Duration.ofMinutes(3)));

        ReportDelivery third = delivery(schedule);
        assertThat(third.state()).isEqualTo("sent");
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(schedules.runs(schedule.id(), 1).getFirst().outcome()).isEqualTo("sent");
    }

    @Test
    void afterTheLastAttemptTheMessageFailsWithItsReason() {
        ReportSchedule schedule = scheduled(ScheduleTestData.monthly("all", "xlsx", "finance@example.com"));
        ticker.tick(TICK, "instance-a");
        Mailbox.stop();

        deliveries.deliverDue(TICK);
        deliveries.deliverDue(TICK.plus(Duration.ofMinutes(1)));
        deliveries.deliverDue(TICK.plus(Duration.ofMinutes(3)));
        deliveries.deliverDue(TICK.plus(Duration.ofDays(1)));

        ReportDelivery delivery = delivery(schedule);
        assertThat(delivery.state()).isEqualTo("failed");
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.lastError()).contains("gave up after 3 attempts");
        assertThat(schedules.runs(schedule.id(), 1).getFirst().outcome()).isEqualTo("failed");
    }

    @Test
    void perTenantOwnerSendsEachTenantItsOwnStatementAndSaysWhoHasNoOwner() throws Exception {
        ReportSchedule schedule = scheduled(ScheduleTestData.monthly("per-tenant-owner", "xlsx"));

        ticker.tick(TICK, "instance-a");
        deliveries.deliverDue(TICK);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("owner@acme.example");
        assertThat(attachments(received[0]).getFirst().getFileName())
                .isEqualTo("tokenledger-chargeback-2025-03-tenant-acme.xlsx");
        ReportRun run = schedules.runs(schedule.id(), 1).getFirst();
        assertThat(run.deliveries()).extracting(ReportDelivery::tenant).contains("acme", "globex", "unassigned");
        assertThat(run.deliveries())
                .filteredOn(delivery -> delivery.tenant().equals("globex"))
                .singleElement()
                .satisfies(delivery -> {
                    assertThat(delivery.state()).isEqualTo("failed");
                    assertThat(delivery.lastError()).contains("tenant globex has no owner");
                });
        assertThat(run.outcome()).isEqualTo("failed");
    }

    private ReportSchedule scheduled(NewReportSchedule schedule) {
        ReportSchedule created = schedules.create(schedule, "admin");
        ScheduleTestData.createdAt(created, APRIL_FIRST_0700.minus(Duration.ofDays(1)));
        return created;
    }

    private ReportDelivery delivery(ReportSchedule schedule) {
        return schedules.runs(schedule.id(), 1).getFirst().deliveries().getFirst();
    }

    private BigDecimal ledgerTotal(Optional<String> tenant) {
        return ledgers.query(new LedgerQuery(
                        MarchScenario.PERIOD.atDay(1),
                        MarchScenario.PERIOD.atEndOfMonth(),
                        List.of(LedgerDimension.TENANT),
                        tenant,
                        TenantScope.allTenants()))
                .total()
                .setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal ledgerTotal(Optional<String> tenant, Set<String> tenants) {
        return ledgers
                .query(new LedgerQuery(
                        MarchScenario.PERIOD.atDay(1),
                        MarchScenario.PERIOD.atEndOfMonth(),
                        List.of(LedgerDimension.TENANT),
                        tenant,
                        TenantScope.allTenants()))
                .rows()
                .stream()
                .filter(row -> tenants.contains(row.tenant()))
                .map(LedgerRow::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static String dollars(BigDecimal amount) {
        return "$" + String.format("%,.2f", amount);
    }

    private static BigDecimal summaryTotal(XSSFWorkbook workbook) {
        Sheet summary = workbook.getSheet("Summary");
        for (Row row : summary) {
            if (row.getCell(0) != null && "Total".equals(row.getCell(0).getStringCellValue())) {
                return BigDecimal.valueOf(row.getCell(9).getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
            }
        }
        throw new AssertionError("no Total row on the Summary sheet");
    }

    private static List<Part> attachments(Part part) throws Exception {
        List<Part> found = new ArrayList<>();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add(part);
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(attachments(multipart.getBodyPart(i)));
            }
        }
        return found;
    }

    private static String htmlBody(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String html = htmlBody(child);
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }
}
