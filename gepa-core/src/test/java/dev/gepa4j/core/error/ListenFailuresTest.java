package dev.gepa4j.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Failed binds on real sockets, told apart: port taken, host not here, anything else. */
class ListenFailuresTest {

    @Test
    void a_port_held_by_a_real_socket_is_reported_as_in_use_with_exit_code_1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> ListenFailures.checkCanListen("the thing", "127.0.0.1", port))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("the thing cannot listen on 127.0.0.1:" + port + ": the port is already in use; stop "
                            + "the program that holds it, or choose another port (0 picks a free one)")
                    .satisfies(e -> assertThat(((GepaException) e).exitCode()).isEqualTo(GepaException.FAILED));
        }
    }

    @Test
    void a_host_that_is_not_here_is_named_and_is_not_called_a_port_in_use() {
        assertThatThrownBy(() -> ListenFailures.checkCanListen("the thing", "no-such-host.invalid", 8123))
                .isExactlyInstanceOf(GepaException.class).hasMessageContaining("no such host here");
    }

    @Test
    void a_free_port_and_port_zero_pass() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            free = s.getLocalPort();
        }
        assertThatCode(() -> ListenFailures.checkCanListen("the thing", "127.0.0.1", free)).doesNotThrowAnyException();
        assertThatCode(() -> ListenFailures.checkCanListen("the thing", "127.0.0.1", 0)).doesNotThrowAnyException();
    }

    @Test
    void a_failure_without_a_bind_error_stays_unexpected() {
        RuntimeException described = ListenFailures.describe("the thing", "127.0.0.1", 1,
                new IllegalStateException("something else"));
        assertThat(described).isExactlyInstanceOf(IllegalStateException.class).hasMessageContaining("something else");
    }
}
