package io.github.clickstream.appliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluation's sessions and baselines on a fixture small enough to check by hand. */
class BaselinesTest {

    private static final long MINUTE = 60_000L;

    @Test
    void sessionsSplitOnTheGapAndCollapseRepeats() {
        List<Session> sessions =
                Session.of(
                        List.of(
                                view("u1", "a", 0),
                                view("u1", "a", 1),
                                view("u1", "b", 2),
                                view("u1", "c", 40),
                                view("u2", "b", 5)),
                        30 * MINUTE);

        assertThat(sessions)
                .extracting(Session::userId, Session::items)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("u1", List.of("a", "b")),
                        org.assertj.core.groups.Tuple.tuple("u2", List.of("b")),
                        org.assertj.core.groups.Tuple.tuple("u1", List.of("c")));
    }

    @Test
    void exactItemKnnRanksByNormalisedSessionCooccurrence() {
        // a,b together in 2 sessions; a,c in 1; a in 3 sessions, b in 2, c in 2:
        // sim(a,b) = 2/sqrt(3*2) = 0.816, sim(a,c) = 1/sqrt(3*2) = 0.408, sim(a,d) = 0
        List<Session> training =
                List.of(
                        new Session("u1", 0, List.of("a", "b")),
                        new Session("u2", 1, List.of("b", "a")),
                        new Session("u3", 2, List.of("a", "c")),
                        new Session("u4", 3, List.of("c", "d")));

        assertThat(new ExactItemKnn(training).recommend("u9", List.of("a"), 20))
                .containsExactly("b", "c");
        assertThat(new ExactItemKnn(training).recommend("u9", List.of("b", "a"), 20))
                .containsExactly("c");
    }

    @Test
    void popularityRanksBySessionsAndSkipsWhatWasSeen() {
        List<Session> training =
                List.of(
                        new Session("u1", 0, List.of("a", "b", "a")),
                        new Session("u2", 1, List.of("b")),
                        new Session("u3", 2, List.of("c", "b")));

        assertThat(new Popularity(training).recommend("u9", List.of("c"), 20))
                .containsExactly("b", "a");
    }

    private static ClickEvent view(String user, String item, long minute) {
        return ClickEvent.builder(user + item + minute, user, EventType.VIEW, minute * MINUTE)
                .item(item)
                .build();
    }
}
