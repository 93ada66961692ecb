package io.tokenledger.ingest.eventhubs;

import org.springframework.boot.test.context.TestComponent;

/**
 * Makes the next batch die at a chosen step of its transaction, as a process killed there would: the transaction
 * is rolled back and nothing reports success to the SDK.
 */
@TestComponent
class CrashSwitch implements BatchStepListener {

    private volatile BatchStep crashAt;

    void crashAt(BatchStep step) {
        this.crashAt = step;
    }

    void off() {
        this.crashAt = null;
    }

    @Override
    public void reached(BatchStep step, PartitionBatch batch) {
        if (step == crashAt) {
            crashAt = null;
            throw new SimulatedCrash(step);
        }
    }

    static final class SimulatedCrash extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SimulatedCrash(BatchStep step) {
            super("simulated crash at " + step);
        }
    }
}
