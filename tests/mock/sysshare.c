/*
 * sysshare: KIP-932 share consumers of the REFERENCE librdkafka (2.16, the
 * confluent-kafka wheel's copy) against ferrokafka's mock cluster.
 *
 *   sysshare BOOTSTRAP TOPIC MSGCNT GROUP
 *
 * Compiled with our rdkafka.h (same ABI as librdkafka 2.16's) and linked to
 * the reference library only (tests/mock/check-system-client.sh checks
 * which library it loads). The mock must have the topic, and its share
 * groups must start at the earliest offset (mockhost 'share
 * auto_offset_reset 1').
 *
 * Two share consumers join GROUP and poll for a few seconds (so that both
 * are members and the partitions are spread over them), then MSGCNT
 * messages are produced. Messages are acknowledged explicitly: on its
 * first delivery every message i with i % 10 == 3 is RELEASED (it must
 * come back with delivery count 2 and is accepted then), i % 10 == 7 is
 * REJECTED (it must never come back), all others are ACCEPTED. Checks:
 * every message is delivered, none is delivered again after being
 * accepted or rejected, first deliveries have count 1, both consumers get
 * messages.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <librdkafka/rdkafka.h>

static int failures;
#define CHECK(cond, ...)                                                       \
        do {                                                                   \
                if (!(cond)) {                                                 \
                        fprintf(stderr, "sysshare: FAIL: " __VA_ARGS__);        \
                        fprintf(stderr, "\n");                                 \
                        failures++;                                            \
                }                                                              \
        } while (0)

static double now(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec + ts.tv_nsec / 1e9;
}

enum { NEW = 0, RELEASED, DONE };

struct state {
        int cnt;
        int *st;      /* NEW / RELEASED / DONE per message */
        int *deliv;   /* deliveries seen per message */
        int done;
        int got[2];   /* messages per consumer */
        int redelivered;
};

static rd_kafka_share_t *mk_consumer(const char *bootstrap, const char *group) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        const char *dbg = getenv("SYSSHARE_DEBUG");
        rd_kafka_share_t *c;
        if (rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap, errstr, sizeof(errstr)) ||
            rd_kafka_conf_set(conf, "group.id", group, errstr, sizeof(errstr)) ||
            rd_kafka_conf_set(conf, "share.acknowledgement.mode", "explicit", errstr,
                              sizeof(errstr)) ||
            (dbg && rd_kafka_conf_set(conf, "debug", dbg, errstr, sizeof(errstr)))) {
                fprintf(stderr, "sysshare: conf: %s\n", errstr);
                exit(2);
        }
        if (!(c = rd_kafka_share_consumer_new(conf, errstr, sizeof(errstr)))) {
                fprintf(stderr, "sysshare: rd_kafka_share_consumer_new: %s\n", errstr);
                exit(2);
        }
        return c;
}

static void produce(const char *bootstrap, const char *topic, int cnt) {
        char errstr[512], buf[64], key[32];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *p;
        int i;
        if (rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap, errstr, sizeof(errstr)) ||
            rd_kafka_conf_set(conf, "linger.ms", "5", errstr, sizeof(errstr))) {
                fprintf(stderr, "sysshare: conf: %s\n", errstr);
                exit(2);
        }
        if (!(p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr)))) {
                fprintf(stderr, "sysshare: producer: %s\n", errstr);
                exit(2);
        }
        for (i = 0; i < cnt; i++) {
                rd_kafka_resp_err_t err;
                snprintf(buf, sizeof(buf), "share-%d", i);
                snprintf(key, sizeof(key), "k%d", i);
                do {
                        err = rd_kafka_producev(p, RD_KAFKA_V_TOPIC(topic),
                                                RD_KAFKA_V_KEY(key, strlen(key)),
                                                RD_KAFKA_V_VALUE(buf, strlen(buf)),
                                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                                RD_KAFKA_V_END);
                        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL)
                                rd_kafka_poll(p, 10);
                } while (err == RD_KAFKA_RESP_ERR__QUEUE_FULL);
                CHECK(!err, "produce: %s", rd_kafka_err2str(err));
        }
        CHECK(rd_kafka_flush(p, 30000) == RD_KAFKA_RESP_ERR_NO_ERROR, "flush timed out");
        rd_kafka_destroy(p);
}

/* One poll of consumer `who`; returns the number of messages. */
static int poll_once(rd_kafka_share_t *c, int who, struct state *s, int ms) {
        rd_kafka_messages_t *msgs = NULL;
        rd_kafka_error_t *error = rd_kafka_share_poll(c, ms, &msgs);
        size_t n, i;
        int got = 0;
        if (error) {
                fprintf(stderr, "sysshare: consumer %d poll: %s\n", who,
                        rd_kafka_error_string(error));
                rd_kafka_error_destroy(error);
                if (msgs)
                        rd_kafka_messages_destroy(msgs);
                return 0;
        }
        if (!msgs)
                return 0;
        n = rd_kafka_messages_count(msgs);
        for (i = 0; i < n; i++) {
                rd_kafka_message_t *m = rd_kafka_messages_get(msgs, i);
                char val[64];
                int idx;
                int16_t dc;
                rd_kafka_share_AcknowledgeType_t type = RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_ACCEPT;
                rd_kafka_resp_err_t err;
                if (m->err) {
                        fprintf(stderr, "sysshare: consumer %d: message error: %s\n", who,
                                rd_kafka_message_errstr(m));
                        continue;
                }
                snprintf(val, sizeof(val), "%.*s", (int)m->len, (const char *)m->payload);
                if (sscanf(val, "share-%d", &idx) != 1 || idx < 0 || idx >= s->cnt) {
                        CHECK(0, "unexpected message value '%s'", val);
                        continue;
                }
                dc = rd_kafka_message_delivery_count(m);
                got++;
                s->got[who]++;
                s->deliv[idx]++;
                switch (s->st[idx]) {
                case DONE:
                        CHECK(0, "message %d delivered again (count %d) after accept/reject",
                              idx, dc);
                        break;
                case NEW:
                        CHECK(dc == 1, "message %d: first delivery has count %d", idx, dc);
                        if (idx % 10 == 3) {
                                type = RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_RELEASE;
                                s->st[idx] = RELEASED;
                        } else {
                                if (idx % 10 == 7)
                                        type = RD_KAFKA_SHARE_ACKNOWLEDGE_TYPE_REJECT;
                                s->st[idx] = DONE;
                                s->done++;
                        }
                        break;
                case RELEASED:
                        CHECK(dc == 2, "released message %d came back with count %d", idx,
                              dc);
                        s->redelivered++;
                        s->st[idx] = DONE;
                        s->done++;
                        break;
                }
                err = rd_kafka_share_acknowledge_type(c, m, type);
                CHECK(!err, "acknowledge %d: %s", idx, rd_kafka_err2str(err));
        }
        rd_kafka_messages_destroy(msgs);
        if (got) {
                rd_kafka_topic_partition_list_t *parts = NULL;
                error = rd_kafka_share_commit_sync(c, 10000, &parts);
                if (error) {
                        fprintf(stderr, "sysshare: consumer %d commit_sync: %s\n", who,
                                rd_kafka_error_string(error));
                        rd_kafka_error_destroy(error);
                }
                if (parts)
                        rd_kafka_topic_partition_list_destroy(parts);
        }
        return got;
}

int main(int argc, char **argv) {
        const char *bootstrap, *topic, *group;
        rd_kafka_share_t *c[2];
        rd_kafka_topic_partition_list_t *sub;
        struct state s = {0};
        double t0, deadline;
        int i, released = 0;

        if (argc != 5) {
                fprintf(stderr, "usage: sysshare BOOTSTRAP TOPIC MSGCNT GROUP\n");
                return 2;
        }
        bootstrap = argv[1];
        topic = argv[2];
        s.cnt = atoi(argv[3]);
        group = argv[4];
        s.st = calloc(s.cnt, sizeof(int));
        s.deliv = calloc(s.cnt, sizeof(int));
        printf("sysshare: librdkafka %s\n", rd_kafka_version_str());

        sub = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(sub, topic, RD_KAFKA_PARTITION_UA);
        for (i = 0; i < 2; i++) {
                rd_kafka_resp_err_t err;
                c[i] = mk_consumer(bootstrap, group);
                err = rd_kafka_share_subscribe(c[i], sub);
                CHECK(!err, "subscribe: %s", rd_kafka_err2str(err));
        }
        rd_kafka_topic_partition_list_destroy(sub);

        /* Both join while the topic is empty. */
        t0 = now();
        while (now() - t0 < 4)
                for (i = 0; i < 2; i++)
                        CHECK(poll_once(c[i], i, &s, 100) == 0, "messages before producing");

        produce(bootstrap, topic, s.cnt);
        for (i = 0; i < s.cnt; i++)
                released += i % 10 == 3;

        deadline = now() + 60;
        while (s.done < s.cnt && now() < deadline)
                for (i = 0; i < 2; i++)
                        poll_once(c[i], i, &s, 100);
        /* A little longer: nothing may come back. */
        t0 = now();
        while (now() - t0 < 1.5)
                for (i = 0; i < 2; i++)
                        poll_once(c[i], i, &s, 100);

        printf("sysshare: %d/%d messages done, %d redelivered (of %d released), consumer 0 got "
               "%d, consumer 1 got %d\n",
               s.done, s.cnt, s.redelivered, released, s.got[0], s.got[1]);
        CHECK(s.done == s.cnt, "only %d of %d messages accepted or rejected", s.done, s.cnt);
        CHECK(s.redelivered == released, "%d of %d released messages redelivered",
              s.redelivered, released);
        for (i = 0; i < s.cnt; i++) {
                int want = i % 10 == 3 ? 2 : 1;
                if (s.deliv[i] != want) {
                        CHECK(0, "message %d delivered %d times, expected %d", i, s.deliv[i],
                              want);
                        break;
                }
        }
        CHECK(s.got[0] > 0 && s.got[1] > 0, "a consumer got nothing (%d, %d)", s.got[0],
              s.got[1]);

        for (i = 0; i < 2; i++) {
                rd_kafka_error_t *error = rd_kafka_share_consumer_close(c[i]);
                if (error) {
                        CHECK(0, "close: %s", rd_kafka_error_string(error));
                        rd_kafka_error_destroy(error);
                }
                error = rd_kafka_share_destroy(c[i]);
                if (error)
                        rd_kafka_error_destroy(error);
        }
        free(s.st);
        free(s.deliv);
        if (failures) {
                fprintf(stderr, "sysshare: %d failure(s)\n", failures);
                return 1;
        }
        printf("sysshare: all checks passed\n");
        return 0;
}
