package dev.gepa4j.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdaptiveConcurrencyTest {

    @Test
    void theLimitGrowsByOneAfterEnoughSuccessesAndStopsAtMax() {
        AdaptiveConcurrency c = new AdaptiveConcurrency(new ConcurrencyLimits(4, 1, 6, 3, 0.5));
        for (int i = 0; i < 3; i++) {
            c.onSuccess();
        }
        assertThat(c.limit()).isEqualTo(5);
        for (int i = 0; i < 30; i++) {
            c.onSuccess();
        }
        assertThat(c.limit()).isEqualTo(6);
    }

    @Test
    void aBurstOfOverloadSignalsWithoutSuccessBetweenCutsTheLimitOnce() {
        AdaptiveConcurrency c = new AdaptiveConcurrency(new ConcurrencyLimits(16, 2, 32, 5, 0.5));
        for (int i = 0; i < 10; i++) {
            c.onOverload();
        }
        assertThat(c.limit()).isEqualTo(8);
        c.onSuccess();
        c.onOverload();
        assertThat(c.limit()).isEqualTo(4);
        c.onSuccess();
        c.onOverload();
        c.onSuccess();
        c.onOverload();
        assertThat(c.limit()).isEqualTo(2);
    }

    @Test
    void permitsBlockAtTheLimitAndFreeOnRelease() throws Exception {
        AdaptiveConcurrency c = new AdaptiveConcurrency(ConcurrencyLimits.fixed(1));
        c.acquire();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                c.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.join(100);
        assertThat(waiter.isAlive()).isTrue();
        c.release();
        waiter.join(5_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(c.inFlight()).isEqualTo(1);
    }
}
