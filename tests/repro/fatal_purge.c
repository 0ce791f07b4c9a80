/* Reproducer: after an idempotent producer's fatal error, the messages
 * still queued must be failed with a delivery report (librdkafka purges
 * the queues with RD_KAFKA_RESP_ERR__PURGE_QUEUE, so flush() returns and
 * the application learns their fate).
 *
 *   cc -I build/include -o /tmp/fatal_purge tests/repro/fatal_purge.c -L build/lib -lrdkafka
 *   LD_LIBRARY_PATH=build/lib /tmp/fatal_purge                    # ferrokafka
 *   LD_LIBRARY_PATH=build/reference-librdkafka /tmp/fatal_purge   # librdkafka 2.16
 *
 * The cluster is the library's own mock cluster (in process); its
 * InitProducerId answers CLUSTER_AUTHORIZATION_FAILED, a fatal error for
 * an idempotent producer. Exit status 0 when every message got a report. */
#include <stdio.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static int drs, fatals;
static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *op) {
        drs++;
        printf("delivery report: %s\n", rd_kafka_err2name(m->err));
}
static void err_cb(rd_kafka_t *rk, int err, const char *reason, void *op) {
        if (err == RD_KAFKA_RESP_ERR__FATAL)
                fatals++;
        printf("error_cb: %s: %s\n", rd_kafka_err2name(err), reason);
}

int main(void) {
        char errstr[256];
        rd_kafka_conf_t *mconf = rd_kafka_conf_new();
        rd_kafka_t *mrk = rd_kafka_new(RD_KAFKA_PRODUCER, mconf, errstr, sizeof errstr);
        rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(mrk, 1);
        rd_kafka_mock_push_request_errors(mc, 22 /* InitProducerId */, 1,
                                          RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED);

        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", rd_kafka_mock_cluster_bootstraps(mc), errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "enable.idempotence", "true", errstr, sizeof errstr);
        rd_kafka_conf_set_dr_msg_cb(conf, dr_cb);
        rd_kafka_conf_set_error_cb(conf, err_cb);
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        for (int i = 0; i < 3; i++)
                rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("fatal-purge"), RD_KAFKA_V_VALUE("x", 1), RD_KAFKA_V_END);
        for (int i = 0; i < 30 && !(fatals && drs == 3); i++)
                rd_kafka_poll(rk, 100);
        rd_kafka_resp_err_t ferr = rd_kafka_flush(rk, 2000);
        printf("fatal errors: %d, delivery reports: %d of 3, flush: %s, outq_len: %d\n", fatals, drs,
               rd_kafka_err2name(ferr), rd_kafka_outq_len(rk));
        int ok = fatals == 1 && drs == 3 && rd_kafka_outq_len(rk) == 0;
        rd_kafka_destroy(rk);
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(mrk);
        printf("%s\n", ok ? "ok" : "FAIL: messages left without a delivery report after the fatal error");
        return ok ? 0 : 1;
}
