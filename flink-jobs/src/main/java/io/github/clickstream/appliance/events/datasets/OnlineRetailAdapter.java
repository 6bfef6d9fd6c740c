package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.InvalidEventException;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * UCI Online Retail invoice lines: {@code
 * InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}. Each line is
 * a purchase of its stock code at its unit price and quantity; cancellations (invoice numbers
 * starting with {@code C}, negative quantities) become {@code refund} events with the quantity made
 * positive, so returns are data rather than dropped. Decisions the dataset forces:
 *
 * <ul>
 *   <li>Invoice dates have no zone and are taken as UTC (the shop is in the UK; the dataset spans
 *       Dec 2010 – Dec 2011, so summer times are an hour off). Both spellings found in copies of
 *       the dataset are read: {@code 2010-12-01 08:26:00} and the spreadsheet's {@code 12/1/2010
 *       8:26} (month first).
 *   <li>The category is the stock code's family, its first two digits ({@code 85123A} is in {@code
 *       85}): the dataset has no categories, and neighbouring codes are related products. Lines
 *       whose stock code does not start with two digits are not products (postage {@code POST},
 *       discounts {@code D}, manual adjustments {@code M}, bank charges, fees) and have none.
 *   <li>{@code CustomerID} is a spreadsheet decimal ({@code 17850.0}); the user id is the whole
 *       number. Lines without one cannot be tied to a user and are dead letters ({@code
 *       MISSING_FIELD}).
 *   <li>The event id is {@code uci-<invoice>-<stock code>-<quantity>-<price>}: the dataset repeats
 *       some invoice lines verbatim, and those repeats count once.
 * </ul>
 */
final class OnlineRetailAdapter implements RowAdapter {

    private static final List<String> COLUMNS =
            List.of(
                    "InvoiceNo",
                    "StockCode",
                    "Description",
                    "Quantity",
                    "InvoiceDate",
                    "UnitPrice",
                    "CustomerID",
                    "Country");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("[yyyy-MM-dd HH:mm[:ss]][M/d/yyyy H:mm[:ss]]");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public ClickEvent adapt(String[] row) throws InvalidEventException {
        String invoice = Rows.required(row, 0, "InvoiceNo");
        String stockCode = Rows.required(row, 1, "StockCode");
        String user = Rows.wholeNumberId(Rows.required(row, 6, "CustomerID"));
        long quantity = Rows.longValue(row, 3, "Quantity", DeadLetterReason.INVALID_QUANTITY);
        long millis =
                Rows.utcMillis(
                        row, 4, "InvoiceDate", TIME, "2010-12-01 08:26:00 or 12/1/2010 8:26");
        double price = Rows.price(row, 5, "UnitPrice");
        boolean cancellation = invoice.startsWith("C");
        if (quantity == 0 || quantity < -Integer.MAX_VALUE || quantity > Integer.MAX_VALUE) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_QUANTITY, "quantity " + quantity + " is out of range");
        }
        if (quantity < 0 && !cancellation) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_QUANTITY,
                    "negative quantity on invoice " + invoice + ", which is not a cancellation");
        }
        return ClickEvent.builder(
                        Rows.eventId("uci", invoice, stockCode, quantity, price),
                        user,
                        cancellation ? EventType.REFUND : EventType.PURCHASE,
                        millis)
                .item(stockCode)
                .category(family(stockCode), null)
                .price(price)
                .quantity((int) Math.abs(quantity))
                .build();
    }

    private static String family(String stockCode) {
        return Rows.digits(stockCode, 0, 2) ? stockCode.substring(0, 2) : null;
    }
}
