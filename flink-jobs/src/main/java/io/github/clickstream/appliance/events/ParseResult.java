package io.github.clickstream.appliance.events;

/** Either a valid event or the dead letter that explains why there is none. */
public record ParseResult(ClickEvent event, DeadLetter deadLetter) {

    public boolean valid() {
        return event != null;
    }
}
