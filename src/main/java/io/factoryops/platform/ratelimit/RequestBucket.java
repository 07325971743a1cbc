package io.factoryops.platform.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * What a request limit asks of its bucket: one token for this request. The probe says whether it was
 * there, how many are left and how long until the next one refills.
 */
@FunctionalInterface
interface RequestBucket {

    ConsumptionProbe tryConsumeOne();
}
