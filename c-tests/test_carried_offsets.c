/* With enable.auto.commit, a group member whose final commit was refused
 * when its partitions were revoked (the coordinator answered
 * REBALANCE_IN_PROGRESS, as librdkafka's mock cluster does for every commit
 * while the group rebalances) and that gets the same partition back
 * resumes where it left off -- at the offset it had stored -- and commits
 * it, instead of processing again everything after the last successful
 * commit (librdkafka's behaviour: it starts at the committed offset).
 *
 * The application stores offsets after processing
 * (enable.auto.offset.store=false + rd_kafka_offsets_store()). It processes
 * messages 0-4 and commits (offset 5), processes messages 5-9 (stored
 * offset 10) and stops storing; then the coordinator answers the next
 * Heartbeat and OffsetCommit with REBALANCE_IN_PROGRESS. The member
 * rebalances (eager: the partition is revoked, its final commit of offset
 * 10 is refused) and, alone in the group, gets the partition back: its next
 * message must be offset 10, and a commit then commits offset 10 (the
 * stored offset it carried over). auto.commit.interval.ms is long: only
 * the final commit on revoke is an automatic one here. Runs on the
 * library's own mock cluster (in process). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include "testutil.h"

#define TOPIC "carried"

static int assigned, revoked;
static void rebalance_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *parts, void *op) {
        (void)op;
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
                assigned++;
                rd_kafka_assign(rk, parts);
        } else {
                revoked++;
                rd_kafka_assign(rk, NULL);
        }
}

static int64_t committed(rd_kafka_t *rk) {
        rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
        int64_t off;
        rd_kafka_topic_partition_list_add(l, TOPIC, 0);
        if (rd_kafka_committed(rk, l, 5000))
                off = -9999;
        else
                off = l->elems[0].offset;
        rd_kafka_topic_partition_list_destroy(l);
        return off;
}

static void store(rd_kafka_t *rk, int64_t next) {
        rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(l, TOPIC, 0)->offset = next;
        CHECK_INT(rd_kafka_offsets_store(rk, l), 0);
        rd_kafka_topic_partition_list_destroy(l);
}

int main(void) {
        char errstr[256];
        rd_kafka_conf_t *mconf = rd_kafka_conf_new();
        rd_kafka_t *mrk = rd_kafka_new(RD_KAFKA_PRODUCER, mconf, errstr, sizeof errstr);
        rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(mrk, 1);
        rd_kafka_conf_t *conf;
        rd_kafka_t *p, *rk;
        rd_kafka_topic_partition_list_t *topics;
        int i, processed = 0, phase = 0, assigned_before = 0;
        int64_t after = -1, c5 = -1, c10 = -1;
        time_t end;

        rd_kafka_mock_topic_create(mc, TOPIC, 1, 1);
        conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", rd_kafka_mock_cluster_bootstraps(mc), errstr, sizeof errstr);
        p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        for (i = 0; i < 100; i++)
                CHECK_INT(rd_kafka_producev(p, RD_KAFKA_V_TOPIC(TOPIC), RD_KAFKA_V_PARTITION(0), RD_KAFKA_V_VALUE("x", 1),
                                            RD_KAFKA_V_END),
                          0);
        CHECK_INT(rd_kafka_flush(p, 10000), 0);
        rd_kafka_destroy(p);

        conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", rd_kafka_mock_cluster_bootstraps(mc), errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "group.id", "carried-group", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "auto.offset.reset", "earliest", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "enable.auto.offset.store", "false", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "auto.commit.interval.ms", "600000", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "heartbeat.interval.ms", "500", errstr, sizeof errstr);
        rd_kafka_conf_set_rebalance_cb(conf, rebalance_cb);
        rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
        rd_kafka_poll_set_consumer(rk);
        topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(topics, TOPIC, RD_KAFKA_PARTITION_UA);
        CHECK_INT(rd_kafka_subscribe(rk, topics), 0);
        rd_kafka_topic_partition_list_destroy(topics);

        end = time(NULL) + 30;
        while (time(NULL) < end && after < 0) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
                if (!m)
                        continue;
                if (!m->err) {
                        if (phase == 2 && assigned > assigned_before) {
                                /* The first message of the new assignment. */
                                after = m->offset;
                        } else if (phase < 2 && m->offset == processed) {
                                processed++;
                                store(rk, m->offset + 1);
                                if (processed == 5) {
                                        CHECK_INT(rd_kafka_commit(rk, NULL, 0), 0);
                                        c5 = committed(rk);
                                }
                                if (processed == 10) {
                                        /* Stop storing; the next heartbeat
                                         * and commit are refused. */
                                        rd_kafka_mock_push_request_errors(mc, 12 /* Heartbeat */, 1,
                                                                          RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS);
                                        rd_kafka_mock_push_request_errors(mc, 8 /* OffsetCommit */, 1,
                                                                          RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS);
                                        assigned_before = assigned;
                                        phase = 2;
                                }
                        }
                }
                rd_kafka_message_destroy(m);
        }
        printf("committed before: %lld; revoked %d, assigned %d; first offset after the reassignment: %lld\n", (long long)c5,
               revoked, assigned, (long long)after);
        CHECK_INT(c5, 5);
        CHECK(revoked >= 1 && assigned >= 2, "no rebalance after the refused heartbeat (revoked %d, assigned %d)", revoked,
              assigned);
        CHECK(after == 10, "the member got its partition back at offset %lld, not at its stored offset 10", (long long)after);
        /* The carried offset is what the member commits now. */
        CHECK_INT(rd_kafka_commit(rk, NULL, 0), 0);
        c10 = committed(rk);
        CHECK(c10 == 10, "committed offset %lld after the reassignment, expected 10", (long long)c10);
        rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(mrk);
        TEST_DONE();
}
