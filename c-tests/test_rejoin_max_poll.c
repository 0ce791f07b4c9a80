/* A group consumer that exceeded max.poll.interval.ms leaves the group
 * (its assignment is lost: the rebalance callback sees
 * rd_kafka_assignment_lost()); when the application polls again it must
 * rejoin and get its partitions back, as librdkafka does within a few
 * seconds. The application handles the lost-partitions revoke only after
 * the loop has already started rejoining (the case that used to leave the
 * member out of the group for good).
 *
 * Runs on the library's own mock cluster (in process); the same program
 * passes on librdkafka 2.16:
 *   cc -I build/include -o /tmp/rejoin c-tests/test_rejoin_max_poll.c -L build/lib -lrdkafka
 *   LD_LIBRARY_PATH=build/reference-librdkafka /tmp/rejoin */
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static int assigned, lost;
static void rebalance_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *parts,
                         void *op) {
        (void)op;
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
                assigned++;
                printf("assigned %d partitions\n", parts->cnt);
                rd_kafka_assign(rk, parts);
        } else {
                if (rd_kafka_assignment_lost(rk))
                        lost++;
                printf("revoked %d partitions (lost: %d)\n", parts->cnt, rd_kafka_assignment_lost(rk));
                rd_kafka_assign(rk, NULL);
        }
}

static int assignment_size(rd_kafka_t *rk) {
        rd_kafka_topic_partition_list_t *a = NULL;
        rd_kafka_assignment(rk, &a);
        int n = a ? a->cnt : -1;
        if (a)
                rd_kafka_topic_partition_list_destroy(a);
        return n;
}

int main(void) {
        char errstr[256];
        rd_kafka_conf_t *mconf = rd_kafka_conf_new();
        rd_kafka_t *mrk = rd_kafka_new(RD_KAFKA_PRODUCER, mconf, errstr, sizeof errstr);
        rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(mrk, 1);
        rd_kafka_mock_topic_create(mc, "rejoin", 2, 1);

        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", rd_kafka_mock_cluster_bootstraps(mc), errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "group.id", "rejoin-group", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "session.timeout.ms", "6000", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "heartbeat.interval.ms", "500", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "max.poll.interval.ms", "6000", errstr, sizeof errstr);
        rd_kafka_conf_set_rebalance_cb(conf, rebalance_cb);
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
        rd_kafka_poll_set_consumer(rk);
        rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(topics, "rejoin", RD_KAFKA_PARTITION_UA);
        rd_kafka_subscribe(rk, topics);
        rd_kafka_topic_partition_list_destroy(topics);

        time_t end = time(NULL) + 15;
        while (!assigned && time(NULL) < end) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
                if (m)
                        rd_kafka_message_destroy(m);
        }
        printf("first assignment: %d partitions; not polling for 7 s\n", assignment_size(rk));
        sleep(7);
        int max_poll = 0;
        end = time(NULL) + 15;
        while (!(assigned > 1 && assignment_size(rk) == 2) && time(NULL) < end) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
                if (m) {
                        if (m->err == RD_KAFKA_RESP_ERR__MAX_POLL_EXCEEDED)
                                max_poll++;
                        rd_kafka_message_destroy(m);
                }
        }
        int n = assignment_size(rk);
        printf("max poll exceeded events: %d, lost: %d, assignments: %d, assignment now: %d partitions\n", max_poll,
               lost, assigned, n);
        rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(mrk);
        int ok = max_poll >= 1 && lost == 1 && assigned >= 2 && n == 2;
        printf("%s\n", ok ? "ok" : "FAIL: the consumer did not rejoin the group after max.poll.interval.ms");
        return ok ? 0 : 1;
}
