package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.InvalidEventException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * UCI Online Retail invoice lines: {@code
 * InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}. Each line is
 * a purchase of its stock code; cancellations (invoice numbers starting with {@code C}, negative
 * quantities) become refunds. Invoice dates are taken as UTC; the category is the stock code's
 * two-character family, the closest the dataset has. Lines without a customer cannot be tied to a
 * user and are dead-lettered.
 */
final class OnlineRetailAdapter implements RowAdapter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public boolean hasHeader() {
        return true;
    }

    @Override
    public ClickEvent adapt(String[] row) throws InvalidEventException {
        String invoice = Rows.required(row, 0, "InvoiceNo");
        String stockCode = Rows.required(row, 1, "StockCode");
        long quantity = Rows.longValue(row, 3, "Quantity", DeadLetterReason.INVALID_QUANTITY);
        String date = Rows.required(row, 4, "InvoiceDate");
        double price = Rows.doubleValue(row, 5, "UnitPrice", DeadLetterReason.INVALID_PRICE);
        String customer = Rows.required(row, 6, "CustomerID");
        boolean cancellation = invoice.startsWith("C");
        if (quantity == 0 || (quantity < 0 && !cancellation)) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_QUANTITY,
                    "quantity " + quantity + " on invoice " + invoice);
        }
        if (price < 0) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_PRICE, "negative unit price on invoice " + invoice);
        }
        long millis;
        try {
            millis = LocalDateTime.parse(date, TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_TIMESTAMP, "InvoiceDate '" + date + "' unreadable");
        }
        String user =
                customer.endsWith(".0") ? customer.substring(0, customer.length() - 2) : customer;
        return new ClickEvent(
                "uci-" + invoice + "-" + stockCode + "-" + quantity + "-" + price,
                user,
                cancellation ? EventType.REFUND : EventType.PURCHASE,
                stockCode,
                stockCode.substring(0, Math.min(2, stockCode.length())),
                null,
                null,
                price,
                (int) Math.min(Integer.MAX_VALUE, Math.abs(quantity)),
                null,
                null,
                null,
                millis);
    }
}
