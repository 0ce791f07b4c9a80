/* rd_kafka_offsets_for_times() on the library's own mock cluster: the
 * first offset at or after each timestamp (-1 past the end), and, when the
 * partition leader answers later than the call's timeout, _TIMED_OUT with
 * the list left exactly as the application passed it (librdkafka 2.16 does
 * the same; its own mock cluster ignores timestamps, so only that part is
 * comparable there). */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include "testutil.h"

int main(void) {
        char errstr[256];
        rd_kafka_t *mrk = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), errstr, sizeof errstr);
        rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(mrk, 2);
        CHECK(mc != NULL, "mock cluster");
        CHECK_INT(rd_kafka_mock_topic_create(mc, "oft", 1, 1), 0);
        CHECK_INT(rd_kafka_mock_partition_set_leader(mc, "oft", 0, 2), 0);

        /* Three messages at timestamps 1000, 2000, 3000. */
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", rd_kafka_mock_cluster_bootstraps(mc), errstr, sizeof errstr);
        rd_kafka_t *p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        for (int i = 1; i <= 3; i++)
                CHECK_INT(rd_kafka_producev(p, RD_KAFKA_V_TOPIC("oft"), RD_KAFKA_V_PARTITION(0), RD_KAFKA_V_VALUE("x", 1),
                                            RD_KAFKA_V_TIMESTAMP(i * 1000), RD_KAFKA_V_END),
                          0);
        CHECK_INT(rd_kafka_flush(p, 10000), 0);
        rd_kafka_destroy(p);

        conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", rd_kafka_mock_cluster_bootstraps(mc), errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "log_level", "0", errstr, sizeof errstr);
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
        CHECK(rk != NULL, "consumer: %s", errstr);

        const int64_t ts[] = {500, 1000, 1500, 3000, 3001};
        const int64_t want[] = {0, 0, 1, 2, -1};
        for (int i = 0; i < 5; i++) {
                rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
                rd_kafka_topic_partition_list_add(l, "oft", 0)->offset = ts[i];
                CHECK_INT(rd_kafka_offsets_for_times(rk, l, 5000), 0);
                CHECK(l->elems[0].err == 0 && l->elems[0].offset == want[i], "timestamp %lld: offset %lld (%s), expected %lld",
                      (long long)ts[i], (long long)l->elems[0].offset, rd_kafka_err2name(l->elems[0].err),
                      (long long)want[i]);
                rd_kafka_topic_partition_list_destroy(l);
        }

        /* A leader slower than the call's timeout. */
        {
                CHECK_INT(rd_kafka_mock_broker_set_rtt(mc, 2, 3000), 0);
                rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
                rd_kafka_topic_partition_list_add(l, "oft", 0)->offset = 1500;
                CHECK_INT(rd_kafka_offsets_for_times(rk, l, 500), RD_KAFKA_RESP_ERR__TIMED_OUT);
                CHECK(l->elems[0].err == 0 && l->elems[0].offset == 1500, "the list changed: %lld (%s)",
                      (long long)l->elems[0].offset, rd_kafka_err2name(l->elems[0].err));
                rd_kafka_topic_partition_list_destroy(l);
                CHECK_INT(rd_kafka_mock_broker_set_rtt(mc, 2, 0), 0);
        }

        CHECK_INT(rd_kafka_offsets_for_times(rk, NULL, 100), RD_KAFKA_RESP_ERR__INVALID_ARG);
        rd_kafka_destroy(rk);
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(mrk);
        TEST_DONE();
}
