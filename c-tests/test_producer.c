/* Producer behaviour that needs no broker: argument checks, queue limits,
 * purge, message timeouts, flush timeouts, delivery report contents. */
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include "testutil.h"

static int dr_cnt;
static rd_kafka_resp_err_t last_err;
static rd_kafka_msg_status_t last_status;
static void *last_opaque;

static void dr_msg_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)rk; (void)opaque;
        dr_cnt++;
        last_err = m->err;
        last_status = rd_kafka_message_status(m);
        last_opaque = m->_private;
        CHECK(rd_kafka_message_latency(m) >= 0, "latency");
}

static rd_kafka_t *producer(const char *k1, const char *v1, const char *k2, const char *v2) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        /* Nothing listens on port 1: messages stay queued. */
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "log_level", "0", errstr, sizeof(errstr)), 0);
        if (k1)
                CHECK_INT(rd_kafka_conf_set(conf, k1, v1, errstr, sizeof(errstr)), 0);
        if (k2)
                CHECK_INT(rd_kafka_conf_set(conf, k2, v2, errstr, sizeof(errstr)), 0);
        rd_kafka_conf_set_dr_msg_cb(conf, dr_msg_cb);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        return rk;
}

int main(void) {
        char errstr[512], big[2000];
        rd_kafka_t *rk, *c;
        rd_kafka_topic_t *rkt;
        rd_kafka_error_t *error;
        rd_kafka_headers_t *hdrs;
        int i;

        memset(big, 'x', sizeof(big));

        /* Size limit and argument checks. */
        rk = producer("message.max.bytes", "1000", "queue.buffering.max.messages", "3");
        rkt = rd_kafka_topic_new(rk, "t", NULL);
        CHECK_INT(rd_kafka_produce(rkt, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, big, sizeof(big), NULL, 0, NULL), -1);
        CHECK_INT(rd_kafka_last_error(), RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE);
        CHECK_INT(rd_kafka_produce(rkt, -7, RD_KAFKA_MSG_F_COPY, "a", 1, NULL, 0, NULL), -1);
        CHECK_INT(rd_kafka_last_error(), RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION);
        error = rd_kafka_produceva(rk, NULL, 0);
        CHECK(error && rd_kafka_error_code(error) == RD_KAFKA_RESP_ERR__INVALID_ARG, "produceva without topic");
        rd_kafka_error_destroy(error);
        hdrs = rd_kafka_headers_new(1);
        CHECK_INT(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("t"), RD_KAFKA_V_HEADER("a", "b", 1),
                                    RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_END),
                  RD_KAFKA_RESP_ERR__CONFLICT);
        rd_kafka_headers_destroy(hdrs);

        /* Queue limit: three messages fit, the fourth does not. */
        for (i = 0; i < 3; i++)
                CHECK_INT(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("t"), RD_KAFKA_V_VALUE("v", 1),
                                            RD_KAFKA_V_OPAQUE((void *)(intptr_t)(i + 1)),
                                            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END), 0);
        CHECK_INT(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("t"), RD_KAFKA_V_VALUE("v", 1),
                                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
                  RD_KAFKA_RESP_ERR__QUEUE_FULL);
        CHECK_INT(rd_kafka_outq_len(rk), 3);
        /* flush cannot finish without a broker. */
        CHECK_INT(rd_kafka_flush(rk, 200), RD_KAFKA_RESP_ERR__TIMED_OUT);

        /* Purge: every queued message gets exactly one _PURGE_QUEUE report. */
        CHECK_INT(rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE), 0);
        CHECK_INT(rd_kafka_purge(rk, 0x100), RD_KAFKA_RESP_ERR__INVALID_ARG);
        dr_cnt = 0;
        rd_kafka_poll(rk, 500);
        CHECK_INT(dr_cnt, 3);
        CHECK_INT(last_err, RD_KAFKA_RESP_ERR__PURGE_QUEUE);
        CHECK_INT(last_status, RD_KAFKA_MSG_STATUS_NOT_PERSISTED);
        CHECK(last_opaque != NULL, "opaque lost");
        CHECK_INT(rd_kafka_outq_len(rk), 0);
        CHECK_INT(rd_kafka_flush(rk, 100), 0);
        rd_kafka_topic_destroy(rkt);
        rd_kafka_destroy(rk);

        /* Message timeout: the report says _MSG_TIMED_OUT. */
        rk = producer("message.timeout.ms", "300", NULL, NULL);
        dr_cnt = 0;
        CHECK_INT(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("t"), RD_KAFKA_V_VALUE("v", 1),
                                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END), 0);
        for (i = 0; i < 30 && !dr_cnt; i++)
                rd_kafka_poll(rk, 100);
        CHECK_INT(dr_cnt, 1);
        CHECK_INT(last_err, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT);
        rd_kafka_destroy(rk);

        /* F_FREE hands the payload over: freed by the library (valgrind
         * checks it). */
        rk = producer(NULL, NULL, NULL, NULL);
        rkt = rd_kafka_topic_new(rk, "t", NULL);
        CHECK_INT(rd_kafka_produce(rkt, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_FREE, strdup("owned"), 5, "k", 1, NULL), 0);
        rd_kafka_topic_destroy(rkt);
        rd_kafka_destroy(rk);

        /* A consumer cannot produce. */
        c = rd_kafka_new(RD_KAFKA_CONSUMER, NULL, errstr, sizeof(errstr));
        rkt = rd_kafka_topic_new(c, "t", NULL);
        CHECK_INT(rd_kafka_produce(rkt, 0, RD_KAFKA_MSG_F_COPY, "a", 1, NULL, 0, NULL), -1);
        CHECK_INT(rd_kafka_purge(c, RD_KAFKA_PURGE_F_QUEUE), RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED);
        rd_kafka_topic_destroy(rkt);
        rd_kafka_destroy(c);
        TEST_DONE();
}
