package io.github.clickstream.appliance.erasure;

import java.io.IOException;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Per user (the current key): whether they were erased. Operators that clear a user's state on an
 * erasure keep this mark so a record of the user still in flight (it passed the gate before the
 * erasure did) cannot re-create the state afterwards. It holds no personal data beyond the key.
 */
public final class ErasedFlag {

    private final ValueState<Boolean> erased;

    public ErasedFlag(RuntimeContext context) {
        this.erased = context.getState(new ValueStateDescriptor<>("erased", Types.BOOLEAN));
    }

    public boolean isSet() throws IOException {
        return Boolean.TRUE.equals(erased.value());
    }

    public void set() throws IOException {
        erased.update(true);
    }
}
