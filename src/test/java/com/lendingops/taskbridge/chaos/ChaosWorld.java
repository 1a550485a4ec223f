package com.lendingops.taskbridge.chaos;

import com.lendingops.taskbridge.simulator.SimulatorProcess;
import com.lendingops.taskbridge.testsupport.FreePort;
import com.lendingops.taskbridge.testsupport.KafkaBroker;
import com.lendingops.taskbridge.testsupport.TestPostgres;

/**
 * What every trial shares: a real Kafka broker (in this JVM, restartable), a real PostgreSQL (embedded unless
 * TEST_DATABASE_URL names one; restartable when embedded), the incs simulator in a process of its own, and the
 * fault gateway in front of it.
 */
record ChaosWorld(KafkaBroker broker, TestPostgres postgres, SimulatorProcess simulatorProcess,
                  SimulatorAdmin simulator, FaultGateway gateway) implements AutoCloseable {

    static ChaosWorld start() {
        KafkaBroker broker = new KafkaBroker().start();
        TestPostgres postgres = TestPostgres.resolve();
        SimulatorProcess sim = SimulatorProcess.start();
        FaultGateway gateway = new FaultGateway(sim.baseUrl(), FreePort.find());
        gateway.up();
        return new ChaosWorld(broker, postgres, sim, new SimulatorAdmin(sim.baseUrl()), gateway);
    }

    @Override
    public void close() {
        gateway.close();
        simulatorProcess.close();
        postgres.close();
        broker.close();
    }
}
