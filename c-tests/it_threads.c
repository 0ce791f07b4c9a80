/* Thread budget: a client connected to every broker of a 6-broker cluster
 * runs at most 3 threads of its own (librdkafka runs one per broker).
 * Starts its own 6-broker mock cluster in another process, with the host
 * program of the mock kind under test (IT_MOCK_BIN: refmock on the system
 * librdkafka, or ferromock on ours). */
#include <librdkafka/rdkafka.h>
#include "ittest.h"

static char stats[1 << 17];
static int stats_cb(rd_kafka_t *rk, char *json, size_t len, void *opaque) {
        (void)rk; (void)opaque;
        if (len < sizeof(stats)) {
                memcpy(stats, json, len);
                stats[len] = 0;
        }
        return 0;
}

static int count(const char *hay, const char *needle) {
        int n = 0;
        while ((hay = strstr(hay, needle))) {
                n++;
                hay++;
        }
        return n;
}

int main(void) {
        const char *bin = getenv("IT_MOCK_BIN");
        char cmd[512], bootstrap[1024] = "", errstr[512];
        const struct rd_kafka_group_list *groups;
        rd_kafka_conf_t *conf;
        rd_kafka_t *rk;
        FILE *mock;
        int before, during, up = 0;
        long long t0;

        if (!it_is_mock() || !bin) {
                printf("it_threads.c: needs a mock cluster host program (not %s)\n", it_broker());
                return 0;
        }
        /* refmock must run on the system librdkafka, not on the library
         * under test (ferromock finds ours through its rpath). */
        snprintf(cmd, sizeof(cmd), "sleep 8 | env -u LD_LIBRARY_PATH %s 6", bin);
        mock = popen(cmd, "r");
        CHECK(mock && fgets(bootstrap, sizeof(bootstrap), mock), "%s did not start", bin);
        bootstrap[strcspn(bootstrap, "\n")] = 0;

        before = it_thread_count();
        conf = rd_kafka_conf_new();
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap, errstr, sizeof(errstr)), 0);
        CHECK_INT(rd_kafka_conf_set(conf, "statistics.interval.ms", "200", errstr, sizeof(errstr)), 0);
        rd_kafka_conf_set_stats_cb(conf, stats_cb);
        rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        /* Group listing talks to every broker: all 6 get connected. */
        if (rd_kafka_list_groups(rk, NULL, &groups, 10000) == RD_KAFKA_RESP_ERR_NO_ERROR)
                rd_kafka_group_list_destroy(groups);
        t0 = it_now_ms();
        while (it_now_ms() - t0 < 5000) {
                rd_kafka_poll(rk, 100);
                up = count(stats, "\"state\":\"UP\"");
                if (up >= 6)
                        break;
        }
        CHECK(up >= 6, "only %d brokers UP", up);
        during = it_thread_count();
        printf("threads: %d before the client, %d with the client connected to %d brokers\n",
               before, during, up);
        CHECK(during - before <= 3, "client runs %d threads", during - before);
        rd_kafka_destroy(rk);
        CHECK_INT(it_thread_count(), before);
        pclose(mock);
        TEST_DONE();
}
