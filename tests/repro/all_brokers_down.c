/* Reproducer: when every broker of a cluster the client is connected to
 * goes away, error_cb must get RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN
 * (librdkafka reports "3/3 brokers are down" within a second). ferrokafka
 * only reports it for a client that never reached any broker.
 *
 *   cc -I build/include -o /tmp/all_down tests/repro/all_brokers_down.c -L build/lib -lrdkafka
 *   LD_LIBRARY_PATH=build/lib /tmp/all_down                    # ferrokafka
 *   LD_LIBRARY_PATH=build/reference-librdkafka /tmp/all_down   # librdkafka 2.16
 *
 * The cluster is the library's own 3-broker mock cluster (in process). */
#include <stdio.h>
#include <time.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static int all_down, transport;
static void err_cb(rd_kafka_t *rk, int err, const char *reason, void *op) {
        printf("error_cb: %s: %s\n", rd_kafka_err2name(err), reason);
        if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
                all_down++;
        if (err == RD_KAFKA_RESP_ERR__TRANSPORT)
                transport++;
}

int main(void) {
        char errstr[256];
        rd_kafka_conf_t *mconf = rd_kafka_conf_new();
        rd_kafka_t *mrk = rd_kafka_new(RD_KAFKA_PRODUCER, mconf, errstr, sizeof errstr);
        rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(mrk, 3);
        rd_kafka_mock_topic_create(mc, "all-down", 1, 1);

        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", rd_kafka_mock_cluster_bootstraps(mc), errstr, sizeof errstr);
        rd_kafka_conf_set_error_cb(conf, err_cb);
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("all-down"), RD_KAFKA_V_VALUE("x", 1), RD_KAFKA_V_END);
        if (rd_kafka_flush(rk, 10000)) {
                printf("FAIL: first message not delivered\n");
                return 2;
        }
        /* Idle for a second, as an application between messages. */
        for (int i = 0; i < 10; i++)
                rd_kafka_poll(rk, 100);
        printf("delivered; stopping all 3 brokers\n");
        for (int id = 1; id <= 3; id++)
                rd_kafka_mock_broker_set_down(mc, id);
        time_t end = time(NULL) + 8;
        while (!all_down && time(NULL) < end)
                rd_kafka_poll(rk, 100);
        printf("_TRANSPORT errors: %d, _ALL_BROKERS_DOWN errors: %d\n", transport, all_down);
        for (int id = 1; id <= 3; id++)
                rd_kafka_mock_broker_set_up(mc, id);
        rd_kafka_destroy(rk);
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(mrk);
        printf("%s\n", all_down ? "ok" : "FAIL: no _ALL_BROKERS_DOWN within 8 s");
        return all_down ? 0 : 1;
}
