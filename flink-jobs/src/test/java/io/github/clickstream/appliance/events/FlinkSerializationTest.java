package io.github.clickstream.appliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The records that flow between operators are serialized by Flink's own record serializer, never by
 * the Kryo fallback: the pipeline's tests run with generic types disabled, where Kryo fails.
 */
class FlinkSerializationTest {

    @Test
    void clickEventsRoundTripThroughFlinksRecordSerializerWithoutKryo() throws IOException {
        ClickEvent event =
                ClickEvent.builder("e1", "u1", EventType.PURCHASE, 1_511_658_000_000L)
                        .item("i1")
                        .category("c1", "home.lamp")
                        .price(3.5)
                        .quantity(2)
                        .experiment("checkout-2026", "treatment")
                        .build();
        ClickEvent sparse =
                ClickEvent.builder("e2", "u1", EventType.SEARCH, 0).query("lamp").build();

        assertThat(roundTrip(ClickEvent.class, event)).isEqualTo(event);
        assertThat(roundTrip(ClickEvent.class, sparse)).isEqualTo(sparse);
    }

    @Test
    void deadLettersAndRawEventsRoundTripWithoutKryo() throws IOException {
        DeadLetter deadLetter =
                new DeadLetter(
                        DeadLetterReason.INVALID_PRICE,
                        "negative",
                        "{}",
                        "clickstream-0@1",
                        5,
                        null,
                        7L);
        RawEvent raw = new RawEvent("{}".getBytes(StandardCharsets.UTF_8), "clickstream-0@1", 5);

        assertThat(roundTrip(DeadLetter.class, deadLetter)).isEqualTo(deadLetter);
        RawEvent back = roundTrip(RawEvent.class, raw);
        assertThat(back.payload()).isEqualTo(raw.payload());
        assertThat(back.source()).isEqualTo(raw.source());
    }

    private static <T> T roundTrip(Class<T> type, T value) throws IOException {
        TypeInformation<T> info = TypeInformation.of(type);
        assertThat(info).isNotInstanceOf(GenericTypeInfo.class);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<T> serializer = info.createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
