/* The group leader gives its followers a head start: it sends its
 * SyncGroup at least 20 ms after its JoinGroup response, while a follower
 * sends its own at once, so the followers' SyncGroups reach the
 * coordinator first. (librdkafka's mock cluster answers a follower's
 * SyncGroup that arrives after the leader's with INVALID_REQUEST; a
 * leader that is always quicker than a follower keeps such a group
 * rebalancing.)
 *
 * The leader asks for the metadata its assignor needs on the
 * coordinator's connection, as librdkafka does, not behind a long-poll
 * Fetch on a partition leader's connection.
 *
 * Two consumers join one group on the library's own mock cluster; the
 * on_response_received / on_request_sent interceptors time each member's
 * JoinGroup response and its SyncGroup request. */
#include <stdint.h>
#include <time.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include "testutil.h"

#define JOIN_GROUP 11
#define SYNC_GROUP 14
#define HEAD_START_MS 20.0

struct member {
        const char *name;
        double joined;  /* last JoinGroup response (ms, monotonic) */
        double delay;   /* JoinGroup response -> SyncGroup of the last round */
        double synced;  /* when that SyncGroup was sent */
        int syncs;
        double first_delay; /* of the first round (alone: the leader) */
        int assigned;
};

static double now_ms(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static rd_kafka_resp_err_t on_sent(rd_kafka_t *rk, int sockfd, const char *brokername, int32_t brokerid,
                                   int16_t ApiKey, int16_t ApiVersion, int32_t CorrId, size_t size,
                                   void *ic_opaque) {
        (void)rk, (void)sockfd, (void)brokername, (void)brokerid, (void)ApiVersion, (void)CorrId, (void)size;
        struct member *m = ic_opaque;
        if (ApiKey == SYNC_GROUP && m->joined > 0) {
                m->synced = now_ms();
                m->delay = m->synced - m->joined;
                if (m->syncs++ == 0)
                        m->first_delay = m->delay;
        }
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static rd_kafka_resp_err_t on_received(rd_kafka_t *rk, int sockfd, const char *brokername, int32_t brokerid,
                                       int16_t ApiKey, int16_t ApiVersion, int32_t CorrId, size_t size,
                                       int64_t rtt, rd_kafka_resp_err_t err, void *ic_opaque) {
        (void)rk, (void)sockfd, (void)brokername, (void)brokerid, (void)ApiVersion, (void)CorrId, (void)size,
            (void)rtt;
        struct member *m = ic_opaque;
        if (ApiKey == JOIN_GROUP && !err)
                m->joined = now_ms();
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static rd_kafka_resp_err_t on_new(rd_kafka_t *rk, const rd_kafka_conf_t *conf, void *ic_opaque, char *errstr,
                                  size_t errstr_size) {
        (void)conf, (void)errstr, (void)errstr_size;
        rd_kafka_interceptor_add_on_request_sent(rk, "sync-order", on_sent, ic_opaque);
        rd_kafka_interceptor_add_on_response_received(rk, "sync-order", on_received, ic_opaque);
        return RD_KAFKA_RESP_ERR_NO_ERROR;
}

static void rebalance_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *parts,
                         void *opaque) {
        struct member *m = opaque;
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
                m->assigned++;
                printf("%s: assigned %d partition(s)\n", m->name, parts->cnt);
                rd_kafka_assign(rk, parts);
        } else {
                rd_kafka_assign(rk, NULL);
        }
}

static rd_kafka_t *consumer(const char *bootstraps, struct member *m) {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", bootstraps, errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "group.id", "sync-order", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "session.timeout.ms", "6000", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "heartbeat.interval.ms", "300", errstr, sizeof errstr);
        /* An empty partition's Fetch waits this long at the broker. */
        rd_kafka_conf_set(conf, "fetch.wait.max.ms", "3000", errstr, sizeof errstr);
        rd_kafka_conf_set_rebalance_cb(conf, rebalance_cb);
        rd_kafka_conf_set_opaque(conf, m);
        rd_kafka_conf_interceptor_add_on_new(conf, "sync-order", on_new, m);
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
        CHECK(rk != NULL, "rd_kafka_new: %s", errstr);
        rd_kafka_poll_set_consumer(rk);
        rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(topics, "sync-order", RD_KAFKA_PARTITION_UA);
        CHECK_INT(rd_kafka_subscribe(rk, topics), 0);
        rd_kafka_topic_partition_list_destroy(topics);
        return rk;
}

static void poll_until(rd_kafka_t *a, rd_kafka_t *b, int *flag, int want, int secs) {
        double end = now_ms() + secs * 1e3;
        while (*flag < want && now_ms() < end) {
                rd_kafka_message_t *msg = rd_kafka_consumer_poll(a, 50);
                if (msg)
                        rd_kafka_message_destroy(msg);
                if (b && (msg = rd_kafka_consumer_poll(b, 50)))
                        rd_kafka_message_destroy(msg);
        }
}

int main(void) {
        char errstr[256];
        rd_kafka_conf_t *mconf = rd_kafka_conf_new();
        rd_kafka_t *mrk = rd_kafka_new(RD_KAFKA_PRODUCER, mconf, errstr, sizeof errstr);
        rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(mrk, 1);
        rd_kafka_mock_topic_create(mc, "sync-order", 4, 1);
        rd_kafka_mock_group_initial_rebalance_delay_ms(mc, 0);
        const char *bs = rd_kafka_mock_cluster_bootstraps(mc);

        struct member ma = {.name = "a"}, mb = {.name = "b"};
        rd_kafka_t *a = consumer(bs, &ma);
        poll_until(a, NULL, &ma.assigned, 1, 20);
        CHECK_INT(ma.assigned, 1);
        /* Alone, a leads: its SyncGroup waited for the head start. */
        printf("a alone: SyncGroup %.1f ms after its JoinGroup response\n", ma.first_delay);
        CHECK(ma.first_delay >= HEAD_START_MS, "a alone (leader): SyncGroup %.1f ms after JoinGroup", ma.first_delay);

        rd_kafka_t *b = consumer(bs, &mb);
        poll_until(a, b, &mb.assigned, 1, 30);
        poll_until(a, b, &ma.assigned, 2, 10);
        CHECK_INT(mb.assigned, 1);
        CHECK_INT(ma.assigned, 2);
        printf("last round: a's SyncGroup %.1f ms after its JoinGroup response, b's %.1f ms\n", ma.delay, mb.delay);

        /* One leader (held back), one follower (at once, and first). */
        struct member *leader = ma.delay >= mb.delay ? &ma : &mb;
        struct member *follower = leader == &ma ? &mb : &ma;
        CHECK(leader->delay >= HEAD_START_MS, "leader %s: %.1f ms", leader->name, leader->delay);
        /* a was fetching (long-poll) when the group rebalanced: its
         * metadata request did not wait for that Fetch. */
        CHECK(leader->delay < 1000, "leader %s: %.1f ms", leader->name, leader->delay);
        CHECK(follower->delay < HEAD_START_MS, "follower %s: %.1f ms", follower->name, follower->delay);
        CHECK(follower->synced < leader->synced, "follower's SyncGroup sent %.1f ms after the leader's",
              follower->synced - leader->synced);

        rd_kafka_consumer_close(b);
        rd_kafka_destroy(b);
        rd_kafka_consumer_close(a);
        rd_kafka_destroy(a);
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(mrk);
        TEST_DONE();
}
