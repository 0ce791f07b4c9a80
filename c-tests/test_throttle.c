/* Quota throttling: a broker that reports a throttle time in its Produce
 * and Fetch responses reaches the application through throttle_cb (broker
 * name, id and time), on the application's thread inside rd_kafka_poll();
 * once the broker stops throttling, one callback with 0 says so and then
 * nothing more. The broker is the library's own mock cluster, told to
 * throttle with ferrokafka_mock_broker_set_throttle() (librdkafka's mock
 * cluster never throttles). The statistics' per-broker throttle window
 * shows the reported times.
 * The consumer here has no group.id and a manual assignment, and is
 * destroyed without rd_kafka_consumer_close(): that must not wait (it used
 * to hang for a minute). */
#include <pthread.h>
#include <time.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include "testutil.h"

#define MAX_CB 64
static int cb_cnt;
static int cb_ms[MAX_CB];
static int32_t cb_id[MAX_CB];
static char cb_name[MAX_CB][128];
static int cb_wrong_thread;
static pthread_t app_thread;
static int stats_saw_throttle;

static void throttle_cb(rd_kafka_t *rk, const char *broker_name, int32_t broker_id, int throttle_time_ms,
                        void *opaque) {
        (void)rk;
        (void)opaque;
        if (!pthread_equal(pthread_self(), app_thread))
                cb_wrong_thread++;
        if (cb_cnt < MAX_CB) {
                cb_ms[cb_cnt] = throttle_time_ms;
                cb_id[cb_cnt] = broker_id;
                snprintf(cb_name[cb_cnt], sizeof cb_name[0], "%s", broker_name ? broker_name : "(null)");
        }
        cb_cnt++;
}

static int stats_cb(rd_kafka_t *rk, char *json, size_t len, void *opaque) {
        (void)rk;
        (void)opaque;
        /* Windows cover one statistics interval each. */
        char *doc = strndup(json, len);
        if (doc && strstr(doc, "\"throttle\":{\"min\":150,\"max\":150"))
                stats_saw_throttle++;
        free(doc);
        return 0;
}

static void produce_one(rd_kafka_t *rk, const char *topic) {
        CHECK_INT(rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_VALUE("x", 1), RD_KAFKA_V_END),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_flush(rk, 10000), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_poll(rk, 100);
}

int main(void) {
        char errstr[256];
        app_thread = pthread_self();
        rd_kafka_conf_t *mconf = rd_kafka_conf_new();
        rd_kafka_t *mrk = rd_kafka_new(RD_KAFKA_PRODUCER, mconf, errstr, sizeof errstr);
        rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(mrk, 2);
        CHECK(mc != NULL, "mock cluster");
        rd_kafka_mock_topic_create(mc, "throttled", 1, 1);
        rd_kafka_mock_partition_set_leader(mc, "throttled", 0, 2);

        /* Argument checks. */
        CHECK_INT(ferrokafka_mock_broker_set_throttle(NULL, 1, 10), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK_INT(ferrokafka_mock_broker_set_throttle(mc, 1, -5), RD_KAFKA_RESP_ERR__INVALID_ARG);
        CHECK(ferrokafka_mock_broker_set_throttle(mc, 99, 10) != RD_KAFKA_RESP_ERR_NO_ERROR, "unknown broker");

        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", rd_kafka_mock_cluster_bootstraps(mc), errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "linger.ms", "0", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "statistics.interval.ms", "100", errstr, sizeof errstr);
        rd_kafka_conf_set_throttle_cb(conf, throttle_cb);
        rd_kafka_conf_set_stats_cb(conf, stats_cb);
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        CHECK(rk != NULL, "producer: %s", errstr);

        /* An unthrottled broker: no callback at all. */
        produce_one(rk, "throttled");
        CHECK_INT(cb_cnt, 0);

        /* Broker 2's node name (host:port, no "/id"), as the callback gets
         * it: the second of the bootstrap servers. */
        char broker2[128];
        {
                const char *bs = rd_kafka_mock_cluster_bootstraps(mc);
                const char *comma = strchr(bs, ',');
                snprintf(broker2, sizeof broker2, "%s", comma ? comma + 1 : "?");
                char *c2 = strchr(broker2, ',');
                if (c2)
                        *c2 = '\0';
        }

        /* The partition leader (broker 2) throttles every produce: each
         * throttled response is reported. A response of another kind in
         * between (a metadata refresh) reports 0, as in librdkafka. */
        CHECK_INT(ferrokafka_mock_broker_set_throttle(mc, 2, 150), RD_KAFKA_RESP_ERR_NO_ERROR);
        produce_one(rk, "throttled");
        produce_one(rk, "throttled");
        int throttled = 0;
        for (int i = 0; i < cb_cnt && i < MAX_CB; i++) {
                if (cb_ms[i] == 0) {
                        CHECK(i > 0 && cb_ms[i - 1] > 0, "callback %d: 0 ms not after a throttled one", i);
                        continue;
                }
                throttled++;
                CHECK_INT(cb_ms[i], 150);
                CHECK_INT(cb_id[i], 2);
                CHECK_STR(cb_name[i], broker2);
        }
        CHECK_INT(throttled, 2);
        /* A statistics window of broker 2 holds the throttle times (and
         * only the throttled responses). */
        for (int i = 0; i < 10 && !stats_saw_throttle; i++)
                rd_kafka_poll(rk, 50);
        CHECK(stats_saw_throttle > 0, "no statistics with broker 2's throttle window");

        /* Throttling ends: the next response reports 0, then silence. */
        CHECK_INT(ferrokafka_mock_broker_set_throttle(mc, -1, 0), RD_KAFKA_RESP_ERR_NO_ERROR);
        produce_one(rk, "throttled");
        int after = cb_cnt;
        CHECK(after > 0 && cb_ms[after - 1] == 0, "the last callback is not 0: %d", after > 0 ? cb_ms[after - 1] : -1);
        produce_one(rk, "throttled");
        produce_one(rk, "throttled");
        CHECK_INT(cb_cnt, after);
        CHECK_INT(cb_wrong_thread, 0);
        rd_kafka_destroy(rk);

        /* A consumer's fetches are throttled too (a manual assignment
         * from the beginning: only the partition leader is asked,
         * ListOffsets and then Fetch; assign() needs a group.id, as in
         * librdkafka, but no group is joined). */
        cb_cnt = 0;
        CHECK_INT(ferrokafka_mock_broker_set_throttle(mc, 2, 40), RD_KAFKA_RESP_ERR_NO_ERROR);
        conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", rd_kafka_mock_cluster_bootstraps(mc), errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "fetch.wait.max.ms", "50", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "group.id", "throttle-test", errstr, sizeof errstr);
        rd_kafka_conf_set_throttle_cb(conf, throttle_cb);
        rd_kafka_t *c = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
        CHECK(c != NULL, "consumer: %s", errstr);
        rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(parts, "throttled", 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
        CHECK_INT(rd_kafka_assign(c, parts), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_topic_partition_list_destroy(parts);
        int msgs = 0;
        for (int i = 0; i < 100 && (msgs < 6 || cb_cnt < 4); i++) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 50);
                if (m) {
                        if (!m->err)
                                msgs++;
                        rd_kafka_message_destroy(m);
                }
                rd_kafka_poll(c, 0);
        }
        CHECK_INT(msgs, 6);
        /* Every throttled Fetch is reported; a response of another kind
         * (a metadata refresh) in between reports the end with 0, as
         * librdkafka does for any unthrottled response after a throttled one. */
        int fetch_throttled = 0;
        for (int i = 0; i < cb_cnt && i < MAX_CB; i++) {
                CHECK(cb_ms[i] == 40 || (cb_ms[i] == 0 && i > 0 && cb_ms[i - 1] == 40),
                      "callback %d of %d: %d ms from broker %d", i, cb_cnt, cb_ms[i], cb_id[i]);
                CHECK_INT(cb_id[i], 2);
                fetch_throttled += cb_ms[i] == 40;
        }
        CHECK(cb_cnt > 0 && cb_ms[0] == 40, "first fetch callback");
        CHECK(fetch_throttled >= 3, "throttled fetch callbacks: %d", fetch_throttled);
        time_t t0 = time(NULL);
        rd_kafka_destroy(c);
        CHECK(time(NULL) - t0 <= 3, "rd_kafka_destroy() of a groupless consumer took %ld s", (long)(time(NULL) - t0));

        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(mrk);
        TEST_DONE();
}
