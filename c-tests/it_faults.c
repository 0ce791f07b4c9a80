/* Fault tests on a mock cluster (refmock or ferromock: tansu has no fault
 * injection):
 *  - all brokers down: error events, reconnect attempts spaced by an
 *    exponentially growing, jittered backoff; brokers up again: reconnected;
 *  - a partition leader moved: the cache follows at the next refresh;
 *  - added latency shows in the statistics' rtt;
 *  - a consumer whose partition leader moves checks its position against the
 *    new leader (OffsetForLeaderEpoch, KIP-320) and goes on without losing
 *    or repeating a message. */
#include <pthread.h>
#include <librdkafka/rdkafka.h>
#include "ittest.h"

#define MAX_ATTEMPTS 256
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct { long long t; char broker[128]; } attempts[MAX_ATTEMPTS];
static int attempt_cnt, transport_errors, all_down_errors;
static char last_stats[1 << 16];

static void log_cb(const rd_kafka_t *rk, int level, const char *fac, const char *buf) {
        const char *colon;
        (void)rk; (void)level;
        if (strcmp(fac, "CONNECT") || !strstr(buf, "Connecting to"))
                return;
        colon = strchr(buf, ':');
        colon = colon ? strchr(colon + 1, ':') : NULL; /* host:port/id: */
        pthread_mutex_lock(&lock);
        if (attempt_cnt < MAX_ATTEMPTS && colon) {
                size_t n = (size_t)(colon - buf) < 127 ? (size_t)(colon - buf) : 127;
                attempts[attempt_cnt].t = it_now_ms();
                memcpy(attempts[attempt_cnt].broker, buf, n);
                attempts[attempt_cnt].broker[n] = 0;
                attempt_cnt++;
        }
        pthread_mutex_unlock(&lock);
}

static void error_cb(rd_kafka_t *rk, int err, const char *reason, void *opaque) {
        (void)rk; (void)reason; (void)opaque;
        if (err == RD_KAFKA_RESP_ERR__TRANSPORT)
                transport_errors++;
        if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
                all_down_errors++;
}

static int stats_cb(rd_kafka_t *rk, char *json, size_t len, void *opaque) {
        (void)rk; (void)opaque;
        pthread_mutex_lock(&lock);
        if (len < sizeof(last_stats)) {
                memcpy(last_stats, json, len);
                last_stats[len] = 0;
        }
        pthread_mutex_unlock(&lock);
        return 0;
}

static rd_kafka_t *client(void) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *rk;
        const char *props[][2] = {
                {"bootstrap.servers", it_bootstrap()},
                {"debug", "broker"},
                {"reconnect.backoff.ms", "200"},
                {"reconnect.backoff.max.ms", "1600"},
                {"topic.metadata.refresh.interval.ms", "500"},
                {"statistics.interval.ms", "300"},
        };
        size_t i;
        for (i = 0; i < sizeof(props) / sizeof(props[0]); i++)
                CHECK_INT(rd_kafka_conf_set(conf, props[i][0], props[i][1], errstr, sizeof(errstr)), 0);
        rd_kafka_conf_set_log_cb(conf, log_cb);
        rd_kafka_conf_set_error_cb(conf, error_cb);
        rd_kafka_conf_set_stats_cb(conf, stats_cb);
        rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        return rk;
}

/* Leader of it-meta partition 0 as the statistics report it. */
static int stats_leader_p0(void) {
        const char *t, *p, *l;
        int leader = -2;
        pthread_mutex_lock(&lock);
        if ((t = strstr(last_stats, "\"topic\":\"it-meta\"")) &&
            (p = strstr(t, "\"partition\":0,")) && (l = strstr(p, "\"leader\":")))
                leader = atoi(l + 9);
        pthread_mutex_unlock(&lock);
        return leader;
}

/* Largest rtt avg of all brokers in the last statistics (microseconds). */
static long long stats_max_rtt_avg(void) {
        const char *s;
        long long best = 0;
        pthread_mutex_lock(&lock);
        for (s = last_stats; (s = strstr(s, "\"rtt\":{")); s++) {
                const char *a = strstr(s, "\"avg\":");
                if (a && atoll(a + 6) > best)
                        best = atoll(a + 6);
        }
        pthread_mutex_unlock(&lock);
        return best;
}

static void poll_for(rd_kafka_t *rk, int ms) {
        long long end = it_now_ms() + ms;
        while (it_now_ms() < end)
                rd_kafka_poll(rk, 50);
}

static void test_reconnect_backoff(void) {
        const rd_kafka_metadata_t *md;
        rd_kafka_t *rk = client();
        int i, j, checked = 0;

        CHECK_INT(rd_kafka_metadata(rk, 1, NULL, &md, 10000), 0);
        rd_kafka_metadata_destroy(md);
        for (i = 1; i <= 3; i++)
                CHECK_INT(it_mock_cmd("down %d", i), 0);
        pthread_mutex_lock(&lock);
        attempt_cnt = 0;
        pthread_mutex_unlock(&lock);
        poll_for(rk, 5000);
        CHECK(transport_errors > 0, "no _TRANSPORT error event");
        CHECK(all_down_errors > 0, "no _ALL_BROKERS_DOWN error event");

        /* Successive attempts to the same broker: backoff b doubles from 200
         * up to 1600 ms; each wait is within b*[0.75, 1.5] (jitter). */
        pthread_mutex_lock(&lock);
        for (i = 0; i < attempt_cnt; i++) {
                int k = 0, prev = i;
                for (j = i + 1; j < attempt_cnt && k < 4; j++) {
                        long long gap, b;
                        if (strcmp(attempts[j].broker, attempts[i].broker))
                                continue;
                        gap = attempts[j].t - attempts[prev].t;
                        b = 200LL << k;
                        if (b > 1600)
                                b = 1600;
                        CHECK(gap >= b * 75 / 100 - 20, "%s: attempt %d after %lldms, backoff %lld",
                              attempts[i].broker, k + 1, gap, b);
                        /* Connections are also only made when wanted, so
                         * later attempts may come later than the backoff. */
                        prev = j;
                        k++;
                        checked++;
                }
                break;
        }
        CHECK(attempt_cnt >= 6, "only %d reconnect attempts in 5s", attempt_cnt);
        CHECK(checked >= 2, "only %d spaced attempts checked", checked);
        pthread_mutex_unlock(&lock);

        for (i = 1; i <= 3; i++)
                CHECK_INT(it_mock_cmd("up %d", i), 0);
        /* Back up: a metadata request succeeds within the backoff maximum. */
        CHECK_INT(rd_kafka_metadata(rk, 1, NULL, &md, 5000), 0);
        if (md)
                rd_kafka_metadata_destroy(md);
        rd_kafka_destroy(rk);
}

static void test_leader_move_and_rtt(void) {
        rd_kafka_t *rk = client();
        rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, "it-meta", NULL);
        const rd_kafka_metadata_t *md;
        int leader, new_leader, i;
        long long t0;

        CHECK_INT(rd_kafka_metadata(rk, 0, rkt, &md, 10000), 0);
        leader = md->topics[0].partitions[0].leader;
        rd_kafka_metadata_destroy(md);
        poll_for(rk, 800);
        CHECK_INT(stats_leader_p0(), leader);

        new_leader = leader % 3 + 1;
        CHECK_INT(it_mock_cmd("leader it-meta 0 %d", new_leader), 0);
        t0 = it_now_ms();
        while (stats_leader_p0() != new_leader && it_now_ms() - t0 < 5000)
                rd_kafka_poll(rk, 50);
        CHECK_INT(stats_leader_p0(), new_leader);
        CHECK_INT(it_mock_cmd("leader it-meta 0 %d", leader), 0);

        for (i = 1; i <= 3; i++)
                CHECK_INT(it_mock_cmd("rtt %d 300", i), 0);
        t0 = it_now_ms();
        while (stats_max_rtt_avg() < 300000 && it_now_ms() - t0 < 5000)
                rd_kafka_poll(rk, 50);
        CHECK(stats_max_rtt_avg() >= 300000, "rtt avg %lldus", stats_max_rtt_avg());
        for (i = 1; i <= 3; i++)
                CHECK_INT(it_mock_cmd("rtt %d 0", i), 0);
        rd_kafka_topic_destroy(rkt);
        rd_kafka_destroy(rk);
}

static int validations;

static void validate_log_cb(const rd_kafka_t *rk, int level, const char *fac, const char *buf) {
        (void)rk; (void)level;
        /* The debug line that ends a validation (our own wording). */
        if (!strcmp(fac, "VALIDATE") && strstr(buf, "validated against leader epoch")) {
                pthread_mutex_lock(&lock);
                validations++;
                pthread_mutex_unlock(&lock);
        }
}

static void produce_range(const char *topic, int from, int to) {
        char errstr[256], v[32];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_t *p;
        int i;
        rd_kafka_conf_set(conf, "bootstrap.servers", it_bootstrap(), errstr, sizeof(errstr));
        p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(p != NULL, "%s", errstr);
        for (i = from; i < to; i++) {
                snprintf(v, sizeof(v), "%d", i);
                CHECK_INT(rd_kafka_producev(p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(0),
                                            RD_KAFKA_V_VALUE(v, strlen(v)), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                            RD_KAFKA_V_END),
                          RD_KAFKA_RESP_ERR_NO_ERROR);
        }
        CHECK_INT(rd_kafka_flush(p, 20000), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_destroy(p);
}

/* Consumes until `want` values arrived in order (checks each is `next`). */
static int consume_in_order(rd_kafka_t *c, int next, int want) {
        long long t0 = it_now_ms();
        while (next < want && it_now_ms() - t0 < 20000) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 100);
                if (!m)
                        continue;
                if (!m->err) {
                        char v[32];
                        snprintf(v, sizeof(v), "%.*s", (int)m->len, (const char *)m->payload);
                        CHECK_INT(atoi(v), next);
                        next++;
                }
                rd_kafka_message_destroy(m);
        }
        return next;
}

static void test_consumer_leader_move_validates(void) {
        char errstr[256], topic[64];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_topic_partition_list_t *parts;
        const rd_kafka_metadata_t *md;
        rd_kafka_topic_t *rkt;
        rd_kafka_t *c;
        int leader, next, n;
        long long t0;

        snprintf(topic, sizeof(topic), "it-val-%d", (int)getpid());
        CHECK_INT(it_create_topic(topic, 1), 0);
        produce_range(topic, 0, 50);
        rd_kafka_conf_set(conf, "bootstrap.servers", it_bootstrap(), errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "group.id", topic, errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "debug", "fetch", errstr, sizeof(errstr));
        rd_kafka_conf_set(conf, "topic.metadata.refresh.interval.ms", "500", errstr, sizeof(errstr));
        rd_kafka_conf_set_log_cb(conf, validate_log_cb);
        c = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        CHECK(c != NULL, "%s", errstr);
        parts = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(parts, topic, 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
        CHECK_INT(rd_kafka_assign(c, parts), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_topic_partition_list_destroy(parts);
        next = consume_in_order(c, 0, 50);
        CHECK_INT(next, 50);

        rkt = rd_kafka_topic_new(c, topic, NULL);
        CHECK_INT(rd_kafka_metadata(c, 0, rkt, &md, 10000), 0);
        leader = md->topics[0].partitions[0].leader;
        rd_kafka_metadata_destroy(md);
        rd_kafka_topic_destroy(rkt);
        CHECK_INT(it_mock_cmd("leader %s 0 %d", topic, leader % 3 + 1), 0);
        produce_range(topic, 50, 100);
        next = consume_in_order(c, next, 100);
        CHECK_INT(next, 100);
        /* The new leader epoch (seen at the next metadata refresh) starts a
         * validation of the position. librdkafka 2.0.2's mock cluster reports
         * no leader epoch (-1) in its metadata: nothing to validate there. */
        if (it_is_refmock()) {
                rd_kafka_consumer_close(c);
                rd_kafka_destroy(c);
                return;
        }
        t0 = it_now_ms();
        do {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 100);
                if (m) {
                        CHECK(m->err != RD_KAFKA_RESP_ERR_NO_ERROR, "unexpected message at offset %lld", (long long)m->offset);
                        rd_kafka_message_destroy(m);
                }
                pthread_mutex_lock(&lock);
                n = validations;
                pthread_mutex_unlock(&lock);
        } while (n == 0 && it_now_ms() - t0 < 5000);
        CHECK(n >= 1, "no position validation after the leader moved");
        rd_kafka_consumer_close(c);
        rd_kafka_destroy(c);
}

int main(void) {
        if (!it_is_mock()) {
                printf("it_faults.c: fault injection needs a mock cluster (not %s)\n", it_broker());
                return 0;
        }
        test_reconnect_backoff();
        test_leader_move_and_rtt();
        test_consumer_leader_move_validates();
        TEST_DONE();
}
