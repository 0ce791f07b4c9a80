/* Producer fault tests on a mock cluster (refmock or ferromock): a leader moved
 * mid-stream, a broker down for 5 s, injected NOT_LEADER / REQUEST_TIMED_OUT
 * / NOT_ENOUGH_REPLICAS errors.
 *  - idempotent: every message delivered exactly once and in order per
 *    partition, checked by consuming back with the system librdkafka (kcat);
 *  - not idempotent: every message gets exactly one delivery report. */
#include <pthread.h>
#include <librdkafka/rdkafka.h>
#include "ittest.h"

#define N 30000
#define PARTS 3

static int reports[N], failures;

static void dr(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        int i = (int)(intptr_t)m->_private;
        (void)rk; (void)opaque;
        if (i >= 0 && i < N)
                reports[i]++;
        if (m->err)
                failures++;
}

static void run(int idempotent) {
        char errstr[512], topic[64], cmd[512], line[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        int i, missing = 0, dup = 0, bad_order = 0, consumed = 0;
        int last[PARTS];
        FILE *kc;

        memset(reports, 0, sizeof(reports));
        failures = 0;
        snprintf(topic, sizeof(topic), "it-faults-%s-%d", idempotent ? "idemp" : "plain", (int)getpid());
        CHECK_INT(it_mock_cmd("topic %s %d 1", topic, PARTS), 0);
        rd_kafka_conf_set(conf, "bootstrap.servers", it_bootstrap(), errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "enable.idempotence", idempotent ? "true" : "false", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "linger.ms", "5", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "retry.backoff.ms", "50", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "topic.metadata.refresh.interval.ms", "1000", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof(errstr));
        if (getenv("IT_DEBUG"))
                rd_kafka_conf_set(conf, "debug", getenv("IT_DEBUG"), errstr, sizeof(errstr));
        rd_kafka_conf_set_dr_msg_cb(conf, dr);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);

        for (i = 0; i < N; i++) {
                char value[32];
                int p = i % PARTS;
                rd_kafka_resp_err_t err;
                snprintf(value, sizeof(value), "%d", i);
                do {
                        err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(p),
                                                RD_KAFKA_V_VALUE(value, strlen(value)),
                                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                                RD_KAFKA_V_OPAQUE((void *)(intptr_t)i), RD_KAFKA_V_END);
                        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL)
                                rd_kafka_poll(rk, 10);
                } while (err == RD_KAFKA_RESP_ERR__QUEUE_FULL);
                CHECK_INT(err, 0);
                /* Faults at fixed points of the stream. */
                if (i == N / 6)
                        it_mock_cmd("leader %s 0 %d", topic, 2);
                if (i == N / 3)
                        it_mock_cmd("errors 0 6 7 19 6");
                if (i == N / 2) {
                        it_mock_cmd("down 1");
                        it_mock_cmd("down 3");
                }
                if (i == N / 2 + 300) {
                        long long t0 = it_now_ms();
                        while (it_now_ms() - t0 < 5000)
                                rd_kafka_poll(rk, 100);
                        it_mock_cmd("up 1");
                        it_mock_cmd("up 3");
                }
                if (i == 2 * N / 3)
                        it_mock_cmd("leader %s 1 %d", topic, 3);
                if (i % 100 == 0)
                        rd_kafka_poll(rk, 0);
        }
        CHECK_INT(rd_kafka_flush(rk, 60000), 0);
        for (i = 0; i < N; i++)
                if (reports[i] != 1)
                        missing++;
        CHECK(missing == 0, "%s: %d messages without exactly one report", idempotent ? "idempotent" : "plain", missing);
        CHECK(failures == 0, "%s: %d failed reports", idempotent ? "idempotent" : "plain", failures);
        rd_kafka_destroy(rk);

        /* Read everything back with the system librdkafka. */
        snprintf(cmd, sizeof(cmd), "env -u LD_LIBRARY_PATH kcat -C -b %s -t %s -e -q -f '%%p %%s\\n' 2>/dev/null",
                 it_bootstrap(), topic);
        kc = popen(cmd, "r");
        CHECK(kc != NULL, "kcat");
        memset(reports, 0, sizeof(reports));
        for (i = 0; i < PARTS; i++)
                last[i] = -1;
        while (kc && fgets(line, sizeof(line), kc)) {
                int p, v;
                if (sscanf(line, "%d %d", &p, &v) != 2 || p < 0 || p >= PARTS || v < 0 || v >= N)
                        continue;
                consumed++;
                if (reports[v]++)
                        dup++;
                if (v <= last[p])
                        bad_order++;
                last[p] = v;
        }
        if (kc)
                pclose(kc);
        for (i = 0, missing = 0; i < N; i++)
                missing += reports[i] == 0;
        CHECK(missing == 0, "%s: %d messages never written", idempotent ? "idempotent" : "plain", missing);
        if (idempotent) {
                CHECK(dup == 0, "idempotent: %d duplicates", dup);
                CHECK(bad_order == 0, "idempotent: %d out of order", bad_order);
        }
        printf("%s: %d messages, %d consumed back, %d duplicates, %d out of order\n",
               idempotent ? "idempotent" : "plain", N, consumed, dup, bad_order);
}

int main(void) {
        if (!it_is_mock()) {
                printf("it_produce_faults.c: fault injection needs a mock cluster (not %s)\n", it_broker());
                return 0;
        }
        run(1);
        run(0);
        TEST_DONE();
}
