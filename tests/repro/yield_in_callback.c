/* Reproducer: rd_kafka_yield() called from a callback must make the
 * rd_kafka_poll() that runs it return before the next callback is served.
 * confluent_kafka depends on it: when a Python callback raises (and on a
 * fatal error, which it turns into an exception), it yields so that poll()
 * returns and the exception propagates; a further callback run with the
 * exception pending fails with SystemError.
 *
 *   cc -I build/include -o /tmp/yield_dr tests/repro/yield_in_callback.c -L build/lib -lrdkafka
 *   LD_LIBRARY_PATH=build/lib /tmp/yield_dr                    # ferrokafka
 *   LD_LIBRARY_PATH=build/reference-librdkafka /tmp/yield_dr   # librdkafka 2.16
 *
 * Three messages time out together (no broker); the delivery report
 * callback yields each time. librdkafka serves one report per poll. */
#include <stdio.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
static int drs;
static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *op) {
        drs++;
        printf("  dr #%d: %s\n", drs, rd_kafka_err2name(m->err));
        rd_kafka_yield(rk);
}
int main(void) {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "message.timeout.ms", "200", errstr, sizeof errstr);
        rd_kafka_conf_set_dr_msg_cb(conf, dr_cb);
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        for (int i = 0; i < 3; i++)
                rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("t"), RD_KAFKA_V_VALUE("x", 1), RD_KAFKA_V_END);
        sleep(2); /* all three time out before the first poll */
        int bad = 0;
        for (int i = 0; i < 5 && drs < 3; i++) {
                int before = drs;
                rd_kafka_poll(rk, 1000);
                printf("poll %d served %d reports\n", i, drs - before);
                if (drs - before > 1) bad = 1;
        }
        rd_kafka_destroy(rk);
        printf("%s\n", bad ? "FAIL: poll went on after rd_kafka_yield()" : "ok: one report per poll after yield");
        return bad;
}
