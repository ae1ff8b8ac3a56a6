package com.dealerops.quote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.dealerops.common.error.ProblemException;
import com.dealerops.common.money.Money;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;

/**
 * The customer's quote (报价单) as a PDF: dealer, customer, vehicle, every line and total, financing and validity;
 * never cost or margin. Text is set in WenQuanYi Micro Hei (shipped under src/main/resources/fonts with its
 * licence), of which only the glyphs used are embedded, so a document is tens of kilobytes.
 * <p>
 * Parsing the font's tables (its cmap alone maps some 30,000 characters) costs megabytes of heap and tens of
 * milliseconds, so it is done once: the parsed font is kept and lent to one document at a time (PDFBox fonts are
 * not thread-safe; each document gets its own PDType0Font over it, subset when the document is saved). Rendering
 * is CPU work: callers run it on a worker thread, and at most {@link #ADMITTED} documents render or wait at once.
 */
@ApplicationScoped
public class QuoteDocument {

    private static final String FONT_RESOURCE = "/fonts/wqy-microhei-pdf.ttf";
    private static final float MARGIN = 48;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    /** What the document shows besides the quote itself. */
    public record Parties(String dealerName, String customerName, String salespersonName, LocalDate issuedOn) {
    }

    /** Documents rendering or waiting to: beyond this a request is turned away at once rather than queued. */
    static final int ADMITTED = 4;
    private static final Duration KEEP_FONT = Duration.ofMinutes(2);

    private final Semaphore admitted = new Semaphore(ADMITTED);
    private TrueTypeFont font;
    private volatile long lastUsed;

    /**
     * A place in the renderer's short queue, or 503 busy: a burst of PDFs must not take the heap and the CPU from
     * everything else. Release it with {@link #leave()}.
     */
    public void enter() {
        if (!admitted.tryAcquire()) {
            throw new ProblemException(503, "busy", "Busy", "Quote documents are being rendered for others; retry "
                    + "in a moment", List.of(), Map.of(), Map.of(HttpHeaders.RETRY_AFTER, "2"));
        }
    }

    public void leave() {
        admitted.release();
    }

    public synchronized byte[] render(Quote quote, Parties parties) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font type0 = PDType0Font.load(document, font(), true);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("报价单 " + QuoteService.number(quote.id) + " / " + quote.revision);
            info.setCreator("DealerOps");
            new Writer(document, type0).write(quote, parties);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render quote " + quote.id, e);
        } finally {
            lastUsed = System.nanoTime();
        }
    }

    /** WenQuanYi Micro Hei, slimmed for PDFs (src/tools/slim-font.py: fontbox parses it into half the heap). */
    private TrueTypeFont font() throws IOException {
        if (font == null) {
            try (InputStream in = QuoteDocument.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IOException(FONT_RESOURCE + " is missing from the application");
                }
                font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            }
        }
        return font;
    }

    /**
     * The parsed font holds the whole file in the heap (fontbox reads it into one array) plus its tables, some
     * 12 MB of a 96 MB heap: it is let go two minutes after the last document, and parsed again when the next one
     * is asked for.
     */
    void watchIdleFont(@Observes StartupEvent event, Vertx vertx) {
        vertx.setPeriodic(30_000, id -> vertx.executeBlocking(() -> {
            releaseIdleFont();
            return null;
        }).subscribe().with(ignored -> {
        }, failure -> { // nothing to do: the font is closed again next time
        }));
    }

    synchronized void releaseIdleFont() throws IOException {
        if (font != null && System.nanoTime() - lastUsed > KEEP_FONT.toNanos()) {
            close();
        }
    }

    @PreDestroy
    synchronized void close() throws IOException {
        if (font != null) {
            font.close();
        }
        font = null;
    }

    /** Lays text out top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType0Font font;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
        }

        void write(Quote quote, Parties parties) throws IOException {
            newPage();
            PricedQuote priced = quote.content;
            PricedQuote.Totals totals = priced.totals();
            line(parties.dealerName(), 16, 0);
            line("报价单 Quotation", 14, 0);
            gap(6);
            line("报价单号 No.: " + QuoteService.number(quote.id) + "    版本 Revision: " + quote.revision, 10, 0);
            line("日期 Date: " + parties.issuedOn() + (quote.validUntil == null ? ""
                    : "    有效期至 Valid until: " + quote.validUntil), 10, 0);
            line("客户 Customer: " + parties.customerName(), 10, 0);
            line("销售顾问 Sales consultant: " + parties.salespersonName(), 10, 0);
            gap(8);

            PricedQuote.VehicleLine car = priced.vehicle();
            line("车辆 Vehicle", 12, 0);
            line(String.join(" ", nonBlank(car.make(), car.model(), car.trim(), car.colour(),
                    car.modelYear() == null ? null : car.modelYear() + "款")), 10, 12);
            if (car.factoryOrder()) {
                line("工厂订车 Factory order", 10, 12);
            } else {
                line("VIN: " + car.vin() + (car.stockNumber() == null ? "" : "    库存号 Stock no.: "
                        + car.stockNumber()), 10, 12);
            }
            gap(8);

            line("项目 Item", 12, 0);
            amountLine("车辆价格 Vehicle price", car.price());
            for (PricedQuote.OptionLine option : priced.factoryOptions()) {
                amountLine("选装 " + option.name(), option.price());
            }
            for (PricedQuote.AccessoryLine accessory : priced.accessories()) {
                amountLine("精品 " + accessory.name() + " × " + accessory.quantity() + " @ "
                        + amount(accessory.unitPrice()), accessory.lineTotal());
            }
            for (PricedQuote.ServiceLine service : priced.services()) {
                amountLine(serviceName(service.kind()) + (service.description() == null ? ""
                        : " " + service.description()), service.price());
            }
            gap(4);
            amountLine("小计 Subtotal", totals.subtotal());
            if (priced.discount() != null) {
                amountLine("优惠 Discount (" + priced.discount().reason() + ")", negative(totals.discount()));
            }
            if (priced.tradeIn() != null) {
                PricedQuote.TradeIn tradeIn = priced.tradeIn();
                amountLine("置换抵扣 Trade-in " + String.join(" ", nonBlank(tradeIn.make(), tradeIn.model(),
                        tradeIn.modelYear() == null ? null : String.valueOf(tradeIn.modelYear()))),
                        negative(totals.tradeInAllowance()));
            }
            if (priced.financing() != null) {
                for (PricedQuote.Fee fee : priced.financing().fees()) {
                    amountLine("费用 " + fee.name(), fee.amount());
                }
            }
            amountLine("合计 Total", totals.total(), 12);
            if (priced.financing() != null) {
                PricedQuote.Financing loan = priced.financing();
                gap(8);
                line("金融方案 Financing" + (loan.lender() == null ? "" : " (" + loan.lender() + ")"), 12, 0);
                amountLine("首付 Down payment", loan.downPayment());
                amountLine("贷款金额 Financed amount", loan.financedAmount());
                line("期数 Term: " + loan.termMonths() + " 个月 months    年利率 Annual rate: "
                        + loan.annualRatePercent().stripTrailingZeros().toPlainString() + "%", 10, 12);
                amountLine("月供 Monthly payment", loan.monthlyPayment(), 12);
                amountLine("还款总额 Total of payments", loan.totalOfPayments());
                amountLine("利息 Finance charge", loan.financeCharge());
            }
            if (priced.notes() != null) {
                gap(8);
                line("备注 Notes", 12, 0);
                line(priced.notes(), 10, 12);
            }
            gap(12);
            line(quote.validUntil == null ? "本报价单仅供参考，以最终签订的合同为准。"
                    : "本报价单有效期至 " + quote.validUntil + "，以最终签订的合同为准。", 9, 0);
            line("This quotation is valid until " + (quote.validUntil == null ? "sent" : quote.validUntil)
                    + "; the signed contract prevails.", 9, 0);
            page.close();
        }

        private void amountLine(String label, Money money) throws IOException {
            amountLine(label, money, 10);
        }

        private void amountLine(String label, Money money, float size) throws IOException {
            String value = (money.amount().signum() < 0 ? "-" : "")
                    + (money.currency().equals("CNY") ? "¥" : money.currency() + " ")
                    + amount(new Money(money.amount().abs(), money.currency()));
            float valueWidth = width(value, size);
            List<String> labelLines = wrap(safe(label), size, WIDTH - 12 - valueWidth - 16);
            for (int i = 0; i < labelLines.size(); i++) {
                ensureRoom(size);
                text(labelLines.get(i), size, MARGIN + 12, y);
                if (i == 0) {
                    text(value, size, MARGIN + WIDTH - valueWidth, y);
                }
                y -= size * 1.5f;
            }
        }

        private void line(String text, float size, float indent) throws IOException {
            for (String part : wrap(safe(text), size, WIDTH - indent)) {
                ensureRoom(size);
                text(part, size, MARGIN + indent, y);
                y -= size * 1.5f;
            }
        }

        private void gap(float points) {
            y -= points;
        }

        private void text(String text, float size, float x, float baseline) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, baseline);
            page.showText(text);
            page.endText();
        }

        private void ensureRoom(float size) throws IOException {
            if (y - size < MARGIN) {
                page.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage next = new PDPage(PDRectangle.A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = PDRectangle.A4.getHeight() - MARGIN - 16;
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private List<String> wrap(String text, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                int codePoint = text.codePointAt(i);
                String next = new String(Character.toChars(codePoint));
                if (codePoint == '\n' || (current.length() > 0 && width(current + next, size) > maxWidth)) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                if (codePoint != '\n' && codePoint != '\r') {
                    current.append(next);
                }
                i += Character.charCount(codePoint);
            }
            if (current.length() > 0 || lines.isEmpty()) {
                lines.add(current.toString());
            }
            return lines;
        }

        /** Characters the font has no glyph for (emoji, controls) become '?', rather than failing the document. */
        private String safe(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> {
                String character = new String(Character.toChars(codePoint));
                if (codePoint == '\n') {
                    out.append(character);
                    return;
                }
                try {
                    if (Character.isISOControl(codePoint) || font.encode(character).length == 0) {
                        out.append('?');
                    } else {
                        out.append(character);
                    }
                } catch (IOException | IllegalArgumentException missing) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }

    private static List<String> nonBlank(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part);
            }
        }
        return kept;
    }

    private static Money negative(Money money) {
        return new Money(money.amount().negate(), money.currency());
    }

    static String amount(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(money.amount().setScale(2, java.math.RoundingMode.UNNECESSARY));
    }

    private static String serviceName(ServiceKind kind) {
        return switch (kind) {
            case INSURANCE -> "保险 Insurance";
            case REGISTRATION -> "上牌服务 Registration";
            case EXTENDED_WARRANTY -> "延保 Extended warranty";
            case OTHER -> "服务 Service";
        };
    }
}
