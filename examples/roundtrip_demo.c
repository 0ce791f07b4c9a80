/*
 * roundtrip_demo: ferrokafka end to end.
 *
 *   roundtrip_demo [-b BOOTSTRAP] [-n MESSAGES] [-t TOPIC]
 *
 * Without -b it starts the library's built-in mock cluster (3 brokers, in
 * this process, through rdkafka_mock.h); with -b it uses that cluster
 * instead (the topic is created through the Admin API when it does not
 * exist, where that API is available). A producer sends MESSAGES (default 100000) keyed messages
 * with two headers each; a consumer group of two members reads them back;
 * every message is checked (key, value, headers) and counted once. Prints
 * throughput, per-partition counts and the verdict; exits 1 on any loss.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#define PARTITIONS 6
#define MEMBERS 2

static long long now_us(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void die(const char *what, const char *why) {
        fprintf(stderr, "roundtrip_demo: %s: %s\n", what, why);
        exit(2);
}

static int delivered, failed;
static long long produced_per_part[PARTITIONS];

static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        (void)rk; (void)opaque;
        if (m->err) {
                if (failed++ < 5)
                        fprintf(stderr, "delivery failed: %s\n", rd_kafka_err2str(m->err));
                return;
        }
        delivered++;
        if (m->partition >= 0 && m->partition < PARTITIONS)
                produced_per_part[m->partition]++;
}

static rd_kafka_conf_t *base_conf(const char *bootstrap) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        if (rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap, errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK)
                die("bootstrap.servers", errstr);
        return conf;
}

static void set(rd_kafka_conf_t *conf, const char *k, const char *v) {
        char errstr[512];
        if (rd_kafka_conf_set(conf, k, v, errstr, sizeof(errstr)) != RD_KAFKA_CONF_OK)
                die(k, errstr);
}

/* Creates the topic on a real cluster (already there is fine). */
static void create_topic(rd_kafka_t *rk, const char *topic) {
        char errstr[512];
        rd_kafka_NewTopic_t *nt = rd_kafka_NewTopic_new(topic, PARTITIONS, -1, errstr, sizeof(errstr));
        rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
        rd_kafka_event_t *ev;
        if (!nt)
                die("NewTopic", errstr);
        rd_kafka_CreateTopics(rk, &nt, 1, NULL, q);
        ev = rd_kafka_queue_poll(q, 30000);
        if (ev) {
                size_t cnt = 0;
                const rd_kafka_CreateTopics_result_t *res = rd_kafka_event_CreateTopics_result(ev);
                const rd_kafka_topic_result_t **tr = res ? rd_kafka_CreateTopics_result_topics(res, &cnt) : NULL;
                if (rd_kafka_event_error(ev))
                        fprintf(stderr, "CreateTopics: %s (the topic must exist or be auto-created)\n", rd_kafka_event_error_string(ev));
                else if (cnt == 1 && rd_kafka_topic_result_error(tr[0]) &&
                         rd_kafka_topic_result_error(tr[0]) != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
                        fprintf(stderr, "CreateTopics %s: %s\n", topic, rd_kafka_topic_result_error_string(tr[0]));
                rd_kafka_event_destroy(ev);
        }
        rd_kafka_queue_destroy(q);
        rd_kafka_NewTopic_destroy(nt);
}

int main(int argc, char **argv) {
        const char *bootstrap = NULL, *topic = "ferrokafka-demo";
        char errstr[512], group[64], keybuf[32], valbuf[64];
        int n = 100000, opt, i, m;
        rd_kafka_t *mock_owner = NULL, *p, *members[MEMBERS];
        rd_kafka_mock_cluster_t *mc = NULL;
        unsigned char *seen;
        long long t0, t_produce, t_consume, consumed = 0, dups = 0, bad = 0;
        long long got_per_member[MEMBERS] = {0}, got_per_part[PARTITIONS] = {0};

        while ((opt = getopt(argc, argv, "b:n:t:")) != -1) {
                switch (opt) {
                case 'b': bootstrap = optarg; break;
                case 'n': n = atoi(optarg); break;
                case 't': topic = optarg; break;
                default:
                        fprintf(stderr, "usage: %s [-b BOOTSTRAP] [-n MESSAGES] [-t TOPIC]\n", argv[0]);
                        return 2;
                }
        }
        if (n <= 0)
                die("-n", "the message count must be positive");
        printf("ferrokafka %s\n", rd_kafka_version_str());

        if (!bootstrap) {
                /* The built-in mock cluster lives in its own client
                 * instance (any handle can own one). */
                rd_kafka_conf_t *conf = rd_kafka_conf_new();
                /* This handle only holds the cluster: no notice about its
                 * missing bootstrap.servers. */
                set(conf, "log_level", "4");
                if (!(mock_owner = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr))))
                        die("rd_kafka_new", errstr);
                if (!(mc = rd_kafka_mock_cluster_new(mock_owner, 3)))
                        die("mock cluster", "could not be created");
                if (rd_kafka_mock_topic_create(mc, topic, PARTITIONS, 3))
                        die("mock topic", "could not be created");
                bootstrap = rd_kafka_mock_cluster_bootstraps(mc);
                printf("cluster: built-in mock cluster, 3 brokers at %s\n", bootstrap);
        } else {
                printf("cluster: %s\n", bootstrap);
        }

        /* Producer. */
        {
                rd_kafka_conf_t *conf = base_conf(bootstrap);
                set(conf, "linger.ms", "5");
                set(conf, "enable.idempotence", "true");
                rd_kafka_conf_set_dr_msg_cb(conf, dr_cb);
                if (!(p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr))))
                        die("producer", errstr);
        }
        if (!mc)
                create_topic(p, topic);
        t0 = now_us();
        for (i = 0; i < n; i++) {
                rd_kafka_resp_err_t err;
                snprintf(keybuf, sizeof(keybuf), "key-%d", i);
                snprintf(valbuf, sizeof(valbuf), "value-%d", i);
                do {
                        err = rd_kafka_producev(p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(keybuf, strlen(keybuf)),
                                                RD_KAFKA_V_VALUE(valbuf, strlen(valbuf)), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                                RD_KAFKA_V_HEADER("index", &i, sizeof(i)), RD_KAFKA_V_HEADER("source", "demo", 4),
                                                RD_KAFKA_V_END);
                        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL)
                                rd_kafka_poll(p, 10);
                } while (err == RD_KAFKA_RESP_ERR__QUEUE_FULL);
                if (err)
                        die("produce", rd_kafka_err2str(err));
                rd_kafka_poll(p, 0);
        }
        if (rd_kafka_flush(p, 60000))
                die("flush", "messages still undelivered after 60 s");
        t_produce = now_us() - t0;
        printf("produced: %d messages (%d delivered, %d failed) in %.2f s: %.0f msg/s\n", n, delivered, failed, t_produce / 1e6,
               n / (t_produce / 1e6));
        rd_kafka_destroy(p);

        /* A consumer group of two members reads everything back. */
        snprintf(group, sizeof(group), "ferrokafka-demo-%ld", (long)time(NULL));
        for (m = 0; m < MEMBERS; m++) {
                rd_kafka_conf_t *conf = base_conf(bootstrap);
                rd_kafka_topic_partition_list_t *sub = rd_kafka_topic_partition_list_new(1);
                set(conf, "group.id", group);
                set(conf, "auto.offset.reset", "earliest");
                set(conf, "partition.assignment.strategy", "cooperative-sticky");
                if (!(members[m] = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr))))
                        die("consumer", errstr);
                rd_kafka_poll_set_consumer(members[m]);
                rd_kafka_topic_partition_list_add(sub, topic, RD_KAFKA_PARTITION_UA);
                if (rd_kafka_subscribe(members[m], sub))
                        die("subscribe", "failed");
                rd_kafka_topic_partition_list_destroy(sub);
        }
        seen = calloc((size_t)n, 1);
        t0 = now_us();
        while (consumed < n && now_us() - t0 < 120 * 1000000LL) {
                for (m = 0; m < MEMBERS; m++) {
                        rd_kafka_message_t *msg = rd_kafka_consumer_poll(members[m], 10);
                        rd_kafka_headers_t *hdrs = NULL;
                        const void *hv;
                        size_t hs;
                        int idx;
                        if (!msg)
                                continue;
                        if (msg->err) {
                                fprintf(stderr, "consumer error: %s\n", rd_kafka_message_errstr(msg));
                                rd_kafka_message_destroy(msg);
                                continue;
                        }
                        if (rd_kafka_message_headers(msg, &hdrs) || rd_kafka_header_get_last(hdrs, "index", &hv, &hs) || hs != sizeof(idx)) {
                                bad++;
                                rd_kafka_message_destroy(msg);
                                continue;
                        }
                        memcpy(&idx, hv, sizeof(idx));
                        snprintf(keybuf, sizeof(keybuf), "key-%d", idx);
                        snprintf(valbuf, sizeof(valbuf), "value-%d", idx);
                        if (idx < 0 || idx >= n || msg->key_len != strlen(keybuf) || memcmp(msg->key, keybuf, msg->key_len) ||
                            msg->len != strlen(valbuf) || memcmp(msg->payload, valbuf, msg->len) ||
                            rd_kafka_header_get_last(hdrs, "source", &hv, &hs) || hs != 4 || memcmp(hv, "demo", 4)) {
                                bad++;
                        } else if (seen[idx]++) {
                                dups++;
                        } else {
                                consumed++;
                                got_per_member[m]++;
                                if (msg->partition >= 0 && msg->partition < PARTITIONS)
                                        got_per_part[msg->partition]++;
                        }
                        rd_kafka_message_destroy(msg);
                }
        }
        t_consume = now_us() - t0;
        printf("consumed: %lld messages by a group of %d in %.2f s: %.0f msg/s (group join included)\n", consumed, MEMBERS,
               t_consume / 1e6, consumed / (t_consume / 1e6));
        for (m = 0; m < MEMBERS; m++)
                printf("  member %d: %lld messages\n", m + 1, got_per_member[m]);
        printf("  partition  produced  consumed\n");
        for (i = 0; i < PARTITIONS; i++)
                printf("  %9d  %8lld  %8lld\n", i, produced_per_part[i], got_per_part[i]);
        for (m = 0; m < MEMBERS; m++) {
                rd_kafka_consumer_close(members[m]);
                rd_kafka_destroy(members[m]);
        }
        free(seen);
        if (mc) {
                rd_kafka_mock_cluster_destroy(mc);
                rd_kafka_destroy(mock_owner);
        }
        if (consumed == n && delivered == n && !bad) {
                printf("verified: all %d messages delivered once and read back intact (%lld redelivered)\n", n, dups);
                return 0;
        }
        printf("LOSS: %d delivered, %lld of %d read back, %lld malformed\n", delivered, consumed, n, bad);
        return 1;
}
