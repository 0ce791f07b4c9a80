/*
 * systxn: the transactional producer and read_committed consumer of the
 * *system* librdkafka against ferrokafka's mock cluster.
 *
 *   systxn BOOTSTRAP TOPIC
 *
 * Aborts one transaction of 10 messages and commits one of 10 (with the
 * consumer offsets of a group sent in the transaction); a read_committed
 * consumer must see exactly the 10 committed ones, a read_uncommitted one
 * all 20, and the group's committed offset must be the one sent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <librdkafka/rdkafka.h>

static int failures = 0;
#define FAIL(...) do { fprintf(stderr, "systxn: FAIL: " __VA_ARGS__); fprintf(stderr, "\n"); failures++; } while (0)

static void set(rd_kafka_conf_t *conf, const char *k, const char *v) {
        char errstr[256];
        if (rd_kafka_conf_set(conf, k, v, errstr, sizeof(errstr))) {
                fprintf(stderr, "conf %s: %s\n", k, errstr);
                exit(2);
        }
}

static void check(rd_kafka_error_t *e, const char *what) {
        if (e) {
                FAIL("%s: %s", what, rd_kafka_error_string(e));
                rd_kafka_error_destroy(e);
        }
}

static int consume_all(const char *bootstrap, const char *topic, const char *isolation, int *committed_marker) {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        set(conf, "bootstrap.servers", bootstrap);
        set(conf, "group.id", isolation);
        set(conf, "isolation.level", isolation);
        set(conf, "auto.offset.reset", "earliest");
        set(conf, "enable.auto.commit", "false");
        set(conf, "enable.partition.eof", "true");
        rd_kafka_t *c = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        rd_kafka_topic_partition_list_t *a = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(a, topic, 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
        rd_kafka_assign(c, a);
        rd_kafka_topic_partition_list_destroy(a);
        int n = 0;
        time_t end = time(NULL) + 30;
        while (time(NULL) < end) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 200);
                if (!m)
                        continue;
                if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                        rd_kafka_message_destroy(m);
                        break;
                }
                if (m->err)
                        FAIL("%s consumer: %s", isolation, rd_kafka_message_errstr(m));
                else {
                        n++;
                        if (m->len >= 9 && !memcmp(m->payload, "committed", 9))
                                (*committed_marker)++;
                }
                rd_kafka_message_destroy(m);
        }
        rd_kafka_consumer_close(c);
        rd_kafka_destroy(c);
        return n;
}

int main(int argc, char **argv) {
        if (argc != 3)
                return 2;
        const char *bootstrap = argv[1], *topic = argv[2];
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        set(conf, "bootstrap.servers", bootstrap);
        set(conf, "transactional.id", "systxn-producer");
        rd_kafka_t *p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!p)
                return 2;
        check(rd_kafka_init_transactions(p, 30000), "init_transactions");
        for (int round = 0; round < 2; round++) {
                int commit = round == 1;
                check(rd_kafka_begin_transaction(p), "begin_transaction");
                for (int i = 0; i < 10; i++) {
                        char v[32];
                        snprintf(v, sizeof(v), "%s-%d", commit ? "committed" : "aborted", i);
                        rd_kafka_resp_err_t err = rd_kafka_producev(p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(0),
                                                                    RD_KAFKA_V_VALUE(v, strlen(v)),
                                                                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
                        if (err)
                                FAIL("produce: %s", rd_kafka_err2str(err));
                }
                if (commit) {
                        rd_kafka_topic_partition_list_t *offs = rd_kafka_topic_partition_list_new(1);
                        rd_kafka_topic_partition_list_add(offs, topic, 0)->offset = 7;
                        rd_kafka_consumer_group_metadata_t *gm = rd_kafka_consumer_group_metadata_new("systxn-group");
                        check(rd_kafka_send_offsets_to_transaction(p, offs, gm, 30000), "send_offsets_to_transaction");
                        rd_kafka_consumer_group_metadata_destroy(gm);
                        rd_kafka_topic_partition_list_destroy(offs);
                        check(rd_kafka_commit_transaction(p, 30000), "commit_transaction");
                } else {
                        /* Make sure the messages reach the log before the
                         * abort (abort purges what was not sent yet). */
                        if (rd_kafka_flush(p, 30000))
                                FAIL("flush before abort");
                        check(rd_kafka_abort_transaction(p, 30000), "abort_transaction");
                }
        }
        rd_kafka_destroy(p);

        int marks = 0;
        int committed = consume_all(bootstrap, topic, "read_committed", &marks);
        if (committed != 10 || marks != 10)
                FAIL("read_committed saw %d messages (%d committed ones), expected 10", committed, marks);
        marks = 0;
        int all = consume_all(bootstrap, topic, "read_uncommitted", &marks);
        if (all != 20 || marks != 10)
                FAIL("read_uncommitted saw %d messages, expected 20", all);

        /* The offsets sent in the transaction were committed for the group. */
        conf = rd_kafka_conf_new();
        set(conf, "bootstrap.servers", bootstrap);
        set(conf, "group.id", "systxn-group");
        rd_kafka_t *c = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(parts, topic, 0);
        rd_kafka_resp_err_t err = rd_kafka_committed(c, parts, 10000);
        if (err || parts->elems[0].offset != 7)
                FAIL("group offset after the transaction: %lld (%s)", (long long)parts->elems[0].offset,
                     rd_kafka_err2str(err ? err : parts->elems[0].err));
        rd_kafka_topic_partition_list_destroy(parts);
        rd_kafka_destroy(c);

        if (failures)
                return 1;
        printf("systxn: aborted and committed transactions, read_committed %d / read_uncommitted %d messages, "
               "transactional offset commit: ok\n", committed, all);
        return 0;
}
