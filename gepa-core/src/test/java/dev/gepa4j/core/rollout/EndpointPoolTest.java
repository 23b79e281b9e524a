package dev.gepa4j.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EndpointPoolTest {
    private final AtomicLong clock = new AtomicLong();
    private final ScriptedContainer a = ScriptedContainer.healthy("a");
    private final ScriptedContainer b = ScriptedContainer.healthy("b");
    private final EndpointPool pool = new EndpointPool(List.of(a, b), 2, Duration.ofSeconds(1), clock::get);

    @Test
    void leasesGoToTheEndpointWithFewestOutstandingRequests() {
        EndpointPool.Lease first = pool.lease();
        EndpointPool.Lease second = pool.lease();
        assertThat(first.container()).isSameAs(a);
        assertThat(second.container()).isSameAs(b);
        first.succeeded();
        assertThat(pool.lease().container()).isSameAs(a);
    }

    @Test
    void anEndpointFailingRepeatedlyIsTakenOutAndProbedBackInAfterTheCooldown() {
        for (int i = 0; i < 2; i++) {
            EndpointPool.Lease l = pool.lease();
            assertThat(l.container()).isSameAs(a);
            l.failed(true);
        }
        assertThat(pool.unhealthy()).containsExactly("a");
        EndpointPool.Lease held = pool.lease();
        EndpointPool.Lease alsoB = pool.lease();
        assertThat(held.container()).isSameAs(b);
        assertThat(alsoB.container()).isSameAs(b);

        clock.addAndGet(Duration.ofMillis(1001).toNanos());
        EndpointPool.Lease probe = pool.lease();
        assertThat(probe.container()).isSameAs(a);
        probe.succeeded();
        assertThat(pool.unhealthy()).isEmpty();
    }

    @Test
    void failuresThatConcernOnlyTheRequestDoNotTakeTheEndpointOut() {
        for (int i = 0; i < 5; i++) {
            pool.lease().failed(false);
        }
        assertThat(pool.unhealthy()).isEmpty();
    }
}
