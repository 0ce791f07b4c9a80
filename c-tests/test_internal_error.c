/* An internal error (a panic) in the client's event loop: the application is
 * told through a fatal error, every queued message still gets exactly one
 * delivery report (purged: _PURGE_QUEUE, as librdkafka does after a fatal
 * error), and the handle can be destroyed.
 * FERROKAFKA_TEST_PANIC_AFTER_MS makes the loop panic once. */
#include <stdlib.h>
#include <string.h>
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static int dr_cnt, dr_purged, err_cb_fatal;

static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)rk;
        (void)opaque;
        dr_cnt++;
        if (m->err == RD_KAFKA_RESP_ERR__PURGE_QUEUE)
                dr_purged++;
}

static void error_cb(rd_kafka_t *rk, int err, const char *reason, void *opaque) {
        (void)rk;
        (void)reason;
        (void)opaque;
        if (err == RD_KAFKA_RESP_ERR__FATAL)
                err_cb_fatal++;
}

int main(void) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        int i;

        setenv("FERROKAFKA_TEST_PANIC_AFTER_MS", "300", 1);
        /* Nothing listens there: the messages stay queued. */
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_OK);
        CHECK_INT(rd_kafka_conf_set(conf, "message.timeout.ms", "60000", errstr, sizeof(errstr)),
                  RD_KAFKA_CONF_OK);
        CHECK_INT(rd_kafka_conf_set(conf, "log_level", "0", errstr, sizeof(errstr)), RD_KAFKA_CONF_OK);
        rd_kafka_conf_set_dr_msg_cb(conf, dr_cb);
        rd_kafka_conf_set_error_cb(conf, error_cb);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "rd_kafka_new: %s", errstr);
        unsetenv("FERROKAFKA_TEST_PANIC_AFTER_MS");

        for (i = 0; i < 10; i++)
                CHECK_INT(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("t"), RD_KAFKA_V_VALUE("v", 1),
                                            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
                          RD_KAFKA_RESP_ERR_NO_ERROR);

        /* flush() returns once every message has its report. */
        CHECK_INT(rd_kafka_flush(rk, 10000), RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(dr_cnt, 10);
        CHECK_INT(dr_purged, 10);
        CHECK_INT(rd_kafka_outq_len(rk), 0);
        CHECK(err_cb_fatal >= 1, "error_cb got no _FATAL error");

        CHECK_INT(rd_kafka_fatal_error(rk, errstr, sizeof(errstr)), RD_KAFKA_RESP_ERR__INCONSISTENT);
        CHECK_CONTAINS(errstr, "internal error");
        /* A producer with a fatal error refuses new messages. */
        CHECK_INT(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("t"), RD_KAFKA_V_VALUE("v", 1),
                                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
                  RD_KAFKA_RESP_ERR__FATAL);
        rd_kafka_destroy(rk);
        return 0;
}
