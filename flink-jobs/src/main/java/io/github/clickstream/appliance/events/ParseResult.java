package io.github.clickstream.appliance.events;

/** Either a valid event or the dead letter that explains why there is none; never both. */
public record ParseResult(ClickEvent event, DeadLetter deadLetter) {

    public ParseResult {
        if ((event == null) == (deadLetter == null)) {
            throw new IllegalArgumentException("exactly one of event and dead letter is expected");
        }
    }

    public static ParseResult of(ClickEvent event) {
        return new ParseResult(event, null);
    }

    public static ParseResult of(DeadLetter deadLetter) {
        return new ParseResult(null, deadLetter);
    }

    public boolean valid() {
        return event != null;
    }
}
