/* rd_kafka_yield() from a callback ends the rd_kafka_poll() that runs it
 * before the next callback, even when several delivery reports arrived
 * together (confluent_kafka yields when a Python callback raises). */
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static int drs;

static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)m;
        (void)opaque;
        drs++;
        rd_kafka_yield(rk);
}

int main(void) {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        int i, before;

        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, sizeof(errstr)), RD_KAFKA_CONF_OK);
        CHECK_INT(rd_kafka_conf_set(conf, "message.timeout.ms", "200", errstr, sizeof(errstr)), RD_KAFKA_CONF_OK);
        CHECK_INT(rd_kafka_conf_set(conf, "log_level", "0", errstr, sizeof(errstr)), RD_KAFKA_CONF_OK);
        rd_kafka_conf_set_dr_msg_cb(conf, dr_cb);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        for (i = 0; i < 3; i++)
                CHECK_INT(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("t"), RD_KAFKA_V_VALUE("x", 1), RD_KAFKA_V_END),
                          RD_KAFKA_RESP_ERR_NO_ERROR);
        sleep(2); /* all three time out before the first poll */
        for (i = 0; i < 10 && drs < 3; i++) {
                before = drs;
                rd_kafka_poll(rk, 1000);
                CHECK(drs - before <= 1, "one poll served %d reports", drs - before);
        }
        CHECK_INT(drs, 3);
        CHECK_INT(rd_kafka_outq_len(rk), 0);
        rd_kafka_destroy(rk);
        TEST_DONE();
}
