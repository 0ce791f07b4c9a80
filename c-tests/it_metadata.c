/* Metadata from an independent broker: brokers, topics, partitions,
 * leaders, replicas, ISRs; cluster id and controller; group listing; the
 * client's own thread count. */
#include <librdkafka/rdkafka.h>
#include "ittest.h"

static const rd_kafka_metadata_topic_t *find_topic(const rd_kafka_metadata_t *md, const char *name) {
        int i;
        for (i = 0; i < md->topic_cnt; i++)
                if (!strcmp(md->topics[i].topic, name))
                        return &md->topics[i];
        return NULL;
}

static int is_broker(const rd_kafka_metadata_t *md, int32_t id) {
        int i;
        for (i = 0; i < md->broker_cnt; i++)
                if (md->brokers[i].id == id)
                        return 1;
        return 0;
}

int main(void) {
        char errstr[512];
        const rd_kafka_metadata_t *md;
        const rd_kafka_metadata_topic_t *t;
        const struct rd_kafka_group_list *groups;
        rd_kafka_topic_t *rkt;
        rd_kafka_resp_err_t err;
        int threads_before = it_thread_count(), i, j;
        char *cluster;
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, NULL, errstr, sizeof(errstr));

        CHECK(rk != NULL, "%s", errstr);
        CHECK(rd_kafka_brokers_add(rk, it_bootstrap()) > 0, "no broker added");

        err = rd_kafka_metadata(rk, 1, NULL, &md, 10000);
        CHECK_INT(err, RD_KAFKA_RESP_ERR_NO_ERROR);
        if (err)
                TEST_DONE();
        CHECK(md->broker_cnt == (it_is_mock() ? 3 : 1), "%d brokers", md->broker_cnt);
        for (i = 0; i < md->broker_cnt; i++) {
                CHECK(md->brokers[i].id >= 0 && md->brokers[i].port > 0 && md->brokers[i].host[0],
                      "broker %d %s:%d", md->brokers[i].id, md->brokers[i].host, md->brokers[i].port);
        }
        CHECK(md->orig_broker_id >= -1 && md->orig_broker_name != NULL, "orig broker");
        t = find_topic(md, "it-meta");
        CHECK(t != NULL, "it-meta missing");
        if (t) {
                CHECK_INT(t->err, 0);
                CHECK_INT(t->partition_cnt, 4);
                for (i = 0; i < t->partition_cnt; i++) {
                        const rd_kafka_metadata_partition_t *p = &t->partitions[i];
                        int found = 0;
                        for (j = 0; j < t->partition_cnt; j++)
                                found += t->partitions[j].id == i;
                        CHECK_INT(found, 1);
                        CHECK(is_broker(md, p->leader), "leader %d of p%d is not a broker", p->leader, p->id);
                        CHECK(p->replica_cnt >= 1 && p->isr_cnt >= 1, "p%d replicas %d isrs %d",
                              p->id, p->replica_cnt, p->isr_cnt);
                        for (j = 0; j < p->replica_cnt; j++)
                                CHECK(is_broker(md, p->replicas[j]), "replica %d", p->replicas[j]);
                }
        }
        CHECK(find_topic(md, "it-meta2") != NULL, "it-meta2 missing");
        rd_kafka_metadata_destroy(md);

        /* One topic only. */
        rkt = rd_kafka_topic_new(rk, "it-meta2", NULL);
        err = rd_kafka_metadata(rk, 0, rkt, &md, 10000);
        CHECK_INT(err, RD_KAFKA_RESP_ERR_NO_ERROR);
        if (!err) {
                CHECK_INT(md->topic_cnt, 1);
                CHECK_STR(md->topics[0].topic, "it-meta2");
                CHECK_INT(md->topics[0].partition_cnt, 1);
                rd_kafka_metadata_destroy(md);
        }
        /* The topic handle learns which partitions have a leader. */
        CHECK_INT(rd_kafka_topic_partition_available(rkt, 0), 1);
        CHECK_INT(rd_kafka_topic_partition_available(rkt, 1), 0);
        rd_kafka_topic_destroy(rkt);

        CHECK(rd_kafka_controllerid(rk, 5000) >= 0, "controller id");
        cluster = rd_kafka_clusterid(rk, 5000);
        if (it_is_mock())
                CHECK(cluster && cluster[0], "cluster id");
        rd_kafka_mem_free(rk, cluster);

        err = rd_kafka_list_groups(rk, NULL, &groups, 10000);
        /* librdkafka's mock clusters (2.0 and 2.16) have no ListGroups:
         * librdkafka reports _UNSUPPORTED_FEATURE there too. */
        CHECK(err == RD_KAFKA_RESP_ERR_NO_ERROR ||
              (it_is_librdkafka_mock() && err == RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE),
              "list_groups: %s", rd_kafka_err2str(err));
        if (!err)
                rd_kafka_group_list_destroy(groups);

        /* One event loop thread and one resolver thread, whatever the number
         * of brokers. */
        CHECK(it_thread_count() - threads_before <= 3, "%d threads before, %d now",
              threads_before, it_thread_count());
        rd_kafka_destroy(rk);
        CHECK_INT(it_thread_count(), threads_before);
        TEST_DONE();
}
