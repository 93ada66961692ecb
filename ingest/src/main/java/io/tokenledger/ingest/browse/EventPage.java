package io.tokenledger.ingest.browse;

import java.util.List;
import java.util.Optional;

/** A page of events, newest first, and the cursor of the next page when there is one. */
public record EventPage(List<StoredEvent> events, Optional<EventCursor> next) {

    public EventPage {
        events = List.copyOf(events);
    }
}
