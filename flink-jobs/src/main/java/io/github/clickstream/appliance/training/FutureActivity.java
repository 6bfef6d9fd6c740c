package io.github.clickstream.appliance.training;

/**
 * What a user did after the training cut-off: whether they bought within the purchase horizon and
 * whether they came back at all within the churn horizon. These are the models' labels.
 */
public record FutureActivity(
        String userId, boolean purchasedWithinHorizon, boolean activeWithinHorizon) {

    public FutureActivity merge(FutureActivity other) {
        return new FutureActivity(
                userId,
                purchasedWithinHorizon || other.purchasedWithinHorizon,
                activeWithinHorizon || other.activeWithinHorizon);
    }
}
