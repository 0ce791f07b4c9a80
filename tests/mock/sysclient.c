/*
 * sysclient: an independent client for ferrokafka's mock cluster, built
 * against the *system* librdkafka (Debian's librdkafka1, /usr/include) and
 * never against ferrokafka. It proves the mock speaks Kafka to a client
 * written by others.
 *
 *   sysclient BOOTSTRAP TOPIC PARTITIONS COUNT GROUP
 *
 * 1. Metadata: the topic has PARTITIONS partitions, each with a leader
 *    among the listed brokers.
 * 2. Produces COUNT messages with keys, values and headers (idempotent
 *    producer), checking every delivery report.
 * 3. Consumes them back in a consumer group (subscribe, manual commit),
 *    checking count, contents, per-partition order and offsets against
 *    the delivery reports, then the committed offsets (OffsetFetch).
 * 4. A second consumer of the same group starts from the committed offsets
 *    and gets nothing more.
 * Exits 0 on success and prints a summary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <librdkafka/rdkafka.h>

#define MAXP 64

static int failures = 0;
#define FAIL(...) do { fprintf(stderr, "sysclient: FAIL: " __VA_ARGS__); fprintf(stderr, "\n"); failures++; } while (0)

static int delivered = 0, delivery_errors = 0;
static long long dr_offset[100000];
static int dr_partition[100000];

static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)rk; (void)opaque;
        int idx = (int)(intptr_t)m->_private;
        if (m->err) {
                delivery_errors++;
                fprintf(stderr, "delivery failed: %s\n", rd_kafka_err2str(m->err));
                return;
        }
        dr_offset[idx] = m->offset;
        dr_partition[idx] = m->partition;
        delivered++;
}

static double now(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec + ts.tv_nsec / 1e9;
}

static rd_kafka_conf_t *base_conf(const char *bootstrap) {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        if (rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap, errstr, sizeof(errstr)) ||
            rd_kafka_conf_set(conf, "log_level", "4", errstr, sizeof(errstr))) {
                fprintf(stderr, "conf: %s\n", errstr);
                exit(2);
        }
        return conf;
}

static void set(rd_kafka_conf_t *conf, const char *k, const char *v) {
        char errstr[256];
        if (rd_kafka_conf_set(conf, k, v, errstr, sizeof(errstr))) {
                fprintf(stderr, "conf %s: %s\n", k, errstr);
                exit(2);
        }
}

static rd_kafka_t *new_consumer(const char *bootstrap, const char *group, const char *topic) {
        char errstr[256];
        rd_kafka_conf_t *conf = base_conf(bootstrap);
        set(conf, "group.id", group);
        set(conf, "auto.offset.reset", "earliest");
        set(conf, "enable.auto.commit", "false");
        set(conf, "session.timeout.ms", "6000");
        rd_kafka_t *c = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        if (!c) {
                fprintf(stderr, "consumer: %s\n", errstr);
                exit(2);
        }
        rd_kafka_poll_set_consumer(c);
        rd_kafka_topic_partition_list_t *sub = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(sub, topic, RD_KAFKA_PARTITION_UA);
        rd_kafka_resp_err_t err = rd_kafka_subscribe(c, sub);
        rd_kafka_topic_partition_list_destroy(sub);
        if (err)
                FAIL("subscribe: %s", rd_kafka_err2str(err));
        return c;
}

int main(int argc, char **argv) {
        if (argc != 6) {
                fprintf(stderr, "usage: sysclient BOOTSTRAP TOPIC PARTITIONS COUNT GROUP\n");
                return 2;
        }
        const char *bootstrap = argv[1], *topic = argv[2], *group = argv[5];
        int partitions = atoi(argv[3]), count = atoi(argv[4]);
        char errstr[256];
        if (count > 100000 || partitions > MAXP)
                return 2;
        printf("sysclient: librdkafka %s\n", rd_kafka_version_str());

        /* 1. Producer and metadata. */
        rd_kafka_conf_t *conf = base_conf(bootstrap);
        set(conf, "enable.idempotence", "true");
        set(conf, "linger.ms", "5");
        rd_kafka_conf_set_dr_msg_cb(conf, dr_cb);
        rd_kafka_t *p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!p) {
                fprintf(stderr, "producer: %s\n", errstr);
                return 2;
        }
        rd_kafka_topic_t *rkt = rd_kafka_topic_new(p, topic, NULL);
        const struct rd_kafka_metadata *md = NULL;
        rd_kafka_resp_err_t err = rd_kafka_metadata(p, 0, rkt, &md, 10000);
        if (err) {
                FAIL("metadata: %s", rd_kafka_err2str(err));
                return 1;
        }
        if (md->topic_cnt != 1 || md->topics[0].err)
                FAIL("metadata topic: cnt %d err %s", md->topic_cnt,
                     md->topic_cnt ? rd_kafka_err2str(md->topics[0].err) : "-");
        else if (md->topics[0].partition_cnt != partitions)
                FAIL("topic has %d partitions, expected %d", md->topics[0].partition_cnt, partitions);
        else {
                for (int i = 0; i < md->topics[0].partition_cnt; i++) {
                        int leader = md->topics[0].partitions[i].leader, found = 0;
                        for (int b = 0; b < md->broker_cnt; b++)
                                found |= md->brokers[b].id == leader;
                        if (!found)
                                FAIL("partition %d leader %d is not a listed broker", i, leader);
                }
        }
        printf("sysclient: metadata: %d brokers, topic %s with %d partitions (answered by broker %d)\n",
               md->broker_cnt, topic, md->topic_cnt ? md->topics[0].partition_cnt : -1,
               md->orig_broker_id);
        rd_kafka_metadata_destroy(md);
        rd_kafka_topic_destroy(rkt);

        /* 2. Produce. */
        for (int i = 0; i < count; i++) {
                char key[32], val[64], hv[32];
                snprintf(key, sizeof(key), "key-%d", i);
                snprintf(val, sizeof(val), "value-%d-payload", i);
                snprintf(hv, sizeof(hv), "%d", i);
                rd_kafka_headers_t *hdrs = rd_kafka_headers_new(2);
                rd_kafka_header_add(hdrs, "idx", -1, hv, -1);
                rd_kafka_header_add(hdrs, "src", -1, "sysclient", -1);
                do {
                        err = rd_kafka_producev(p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(key, strlen(key)),
                                                RD_KAFKA_V_VALUE(val, strlen(val)), RD_KAFKA_V_HEADERS(hdrs),
                                                RD_KAFKA_V_OPAQUE((void *)(intptr_t)i), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                                RD_KAFKA_V_END);
                        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL)
                                rd_kafka_poll(p, 10);
                } while (err == RD_KAFKA_RESP_ERR__QUEUE_FULL);
                if (err) {
                        rd_kafka_headers_destroy(hdrs);
                        FAIL("producev: %s", rd_kafka_err2str(err));
                }
                rd_kafka_poll(p, 0);
        }
        if (rd_kafka_flush(p, 30000))
                FAIL("flush timed out");
        if (delivered != count || delivery_errors)
                FAIL("%d delivered, %d failed, expected %d", delivered, delivery_errors, count);
        long long expect_end[MAXP] = {0};
        int per_part[MAXP] = {0};
        for (int i = 0; i < delivered; i++) {
                per_part[dr_partition[i]]++;
                if (dr_offset[i] + 1 > expect_end[dr_partition[i]])
                        expect_end[dr_partition[i]] = dr_offset[i] + 1;
        }
        int used = 0;
        for (int i = 0; i < partitions; i++) {
                used += per_part[i] > 0;
                if (expect_end[i] != per_part[i])
                        FAIL("partition %d: %d messages but end offset %lld", i, per_part[i], expect_end[i]);
        }
        if (used < 2)
                FAIL("keys went to %d partition(s) only", used);
        printf("sysclient: produced %d messages over %d partitions\n", delivered, used);
        rd_kafka_destroy(p);

        /* 3. Consume in a group. */
        rd_kafka_t *c = new_consumer(bootstrap, group, topic);
        static char seen[100000];
        long long last_off[MAXP];
        for (int i = 0; i < MAXP; i++)
                last_off[i] = -1;
        int got = 0;
        double deadline = now() + 60;
        while (got < count && now() < deadline) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 500);
                if (!m)
                        continue;
                if (m->err) {
                        if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                                FAIL("consume error: %s", rd_kafka_message_errstr(m));
                        rd_kafka_message_destroy(m);
                        continue;
                }
                int idx = -1;
                char key[32], val[64];
                if (m->key_len < sizeof(key)) {
                        memcpy(key, m->key, m->key_len);
                        key[m->key_len] = 0;
                        sscanf(key, "key-%d", &idx);
                }
                if (idx < 0 || idx >= count) {
                        FAIL("bad key");
                } else {
                        snprintf(val, sizeof(val), "value-%d-payload", idx);
                        if (m->len != strlen(val) || memcmp(m->payload, val, m->len))
                                FAIL("message %d: wrong value", idx);
                        if (seen[idx]++)
                                FAIL("message %d received twice", idx);
                        if (m->partition != dr_partition[idx] || m->offset != dr_offset[idx])
                                FAIL("message %d at [%d]@%lld, delivered at [%d]@%lld", idx, m->partition,
                                     (long long)m->offset, dr_partition[idx], dr_offset[idx]);
                        if (m->offset <= last_off[m->partition])
                                FAIL("offsets out of order in partition %d", m->partition);
                        last_off[m->partition] = m->offset;
                        rd_kafka_headers_t *h = NULL;
                        const void *hv;
                        size_t hs;
                        char want[32];
                        snprintf(want, sizeof(want), "%d", idx);
                        if (rd_kafka_message_headers(m, &h) || rd_kafka_header_get_last(h, "idx", &hv, &hs) ||
                            hs != strlen(want) || memcmp(hv, want, hs) ||
                            rd_kafka_header_get_last(h, "src", &hv, &hs) || hs != 9 || memcmp(hv, "sysclient", 9))
                                FAIL("message %d: wrong headers", idx);
                }
                got++;
                rd_kafka_message_destroy(m);
        }
        if (got != count)
                FAIL("consumed %d of %d messages", got, count);
        printf("sysclient: consumed %d messages\n", got);
        err = rd_kafka_commit(c, NULL, 0);
        if (err)
                FAIL("commit: %s", rd_kafka_err2str(err));
        rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(partitions);
        for (int i = 0; i < partitions; i++)
                rd_kafka_topic_partition_list_add(parts, topic, i);
        err = rd_kafka_committed(c, parts, 10000);
        if (err)
                FAIL("committed: %s", rd_kafka_err2str(err));
        for (int i = 0; i < parts->cnt; i++) {
                rd_kafka_topic_partition_t *tp = &parts->elems[i];
                long long want = per_part[tp->partition] ? expect_end[tp->partition] : RD_KAFKA_OFFSET_INVALID;
                if (tp->err || tp->offset != want)
                        FAIL("committed offset of [%d] is %lld (%s), expected %lld", tp->partition,
                             (long long)tp->offset, rd_kafka_err2str(tp->err), want);
        }
        printf("sysclient: committed offsets verified for %d partitions\n", parts->cnt);
        rd_kafka_topic_partition_list_destroy(parts);
        rd_kafka_consumer_close(c);
        rd_kafka_destroy(c);

        /* 4. The group resumes from its committed offsets. */
        c = new_consumer(bootstrap, group, topic);
        int extra = 0, assigned = 0;
        deadline = now() + 20;
        while (now() < deadline) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 200);
                rd_kafka_topic_partition_list_t *a = NULL;
                if (!assigned && !rd_kafka_assignment(c, &a) && a) {
                        if (a->cnt == partitions) {
                                assigned = 1;
                                deadline = now() + 3; /* give it time to (wrongly) fetch */
                        }
                        rd_kafka_topic_partition_list_destroy(a);
                }
                if (!m)
                        continue;
                if (!m->err)
                        extra++;
                rd_kafka_message_destroy(m);
        }
        if (!assigned)
                FAIL("second consumer got no assignment");
        if (extra)
                FAIL("second consumer re-read %d committed messages", extra);
        rd_kafka_consumer_close(c);
        rd_kafka_destroy(c);

        if (failures) {
                fprintf(stderr, "sysclient: %d failure(s)\n", failures);
                return 1;
        }
        printf("sysclient: all checks passed\n");
        return 0;
}
