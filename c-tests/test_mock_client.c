/* A client-owned mock cluster (test.mock.num.brokers): the client gets its
 * own in-process cluster, metadata shows its brokers, produced messages are
 * delivered with offsets, the mock API reaches the cluster through
 * rd_kafka_handle_mock_cluster(), and the cluster goes away with the
 * client. */
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include "testutil.h"

static int dr_ok, dr_err;
static int64_t max_offset[4];

static void dr_msg_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)rk; (void)opaque;
        if (m->err) {
                dr_err++;
                return;
        }
        dr_ok++;
        if (m->partition >= 0 && m->partition < 4 && m->offset > max_offset[m->partition])
                max_offset[m->partition] = m->offset;
}

int main(void) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        const struct rd_kafka_metadata *md;
        rd_kafka_mock_cluster_t *mc;
        rd_kafka_t *rk;
        int i;

        CHECK_INT(rd_kafka_conf_set(conf, "test.mock.num.brokers", "3", errstr, sizeof(errstr)), 0);
        /* Replaced by the mock cluster's own addresses. */
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", "127.0.0.1:1", errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof(errstr)), 0);
        rd_kafka_conf_set_dr_msg_cb(conf, dr_msg_cb);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        if (!rk)
                TEST_DONE();

        mc = rd_kafka_handle_mock_cluster(rk);
        CHECK(mc != NULL, "client has a mock cluster");
        if (mc) {
                const char *bs = rd_kafka_mock_cluster_bootstraps(mc);
                CHECK(bs && strstr(bs, "127.0.0.1:") && !strstr(bs, "127.0.0.1:1,"), "bootstraps %s", bs ? bs : "(null)");
                CHECK_INT(rd_kafka_mock_topic_create(mc, "mt", 4, 3), 0);
        }

        CHECK_INT(rd_kafka_metadata(rk, 1, NULL, &md, 5000), 0);
        if (md) {
                int found = 0;
                CHECK_INT(md->broker_cnt, 3);
                for (i = 0; i < md->topic_cnt; i++)
                        if (!strcmp(md->topics[i].topic, "mt")) {
                                found = 1;
                                CHECK_INT(md->topics[i].partition_cnt, 4);
                        }
                CHECK(found, "topic mt in metadata");
                rd_kafka_metadata_destroy(md);
        }

        for (i = 0; i < 1000; i++) {
                char key[16];
                snprintf(key, sizeof(key), "k%d", i);
                CHECK_INT(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("mt"), RD_KAFKA_V_KEY(key, strlen(key)),
                                            RD_KAFKA_V_VALUE("value", 5), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                            RD_KAFKA_V_END), 0);
        }
        CHECK_INT(rd_kafka_flush(rk, 10000), 0);
        CHECK_INT(dr_ok, 1000);
        CHECK_INT(dr_err, 0);
        {
                /* Offsets are dense from 0 per partition: they add up to the
                 * message count. */
                int64_t sum = 0;
                for (i = 0; i < 4; i++)
                        sum += max_offset[i] + 1;
                CHECK_INT(sum, 1000);
        }

        /* The mock API works on the client's cluster: an injected error is
         * returned to the producer (no retries: it gets the error). */
        if (mc) {
                rd_kafka_mock_push_request_errors(mc, 0 /* Produce */, 1, RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED);
                dr_err = 0;
                CHECK_INT(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("mt"), RD_KAFKA_V_PARTITION(0),
                                            RD_KAFKA_V_VALUE("x", 1), RD_KAFKA_V_END), 0);
                CHECK_INT(rd_kafka_flush(rk, 10000), 0);
                CHECK_INT(dr_err, 1);
        }
        rd_kafka_destroy(rk);
        TEST_DONE();
}
