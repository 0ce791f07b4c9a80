/* Reproducer: with enable.auto.commit and enable.auto.offset.store (the
 * defaults), closing a group consumer must commit the offset after the last
 * message the application received, not after messages that were fetched
 * but never returned by rd_kafka_consumer_poll(). librdkafka commits 5
 * below; ferrokafka commits the end of the fetched data, so a restarted
 * member skips messages nobody consumed (kcat -G -c N shows it too).
 *
 *   cc -I build/include -o /tmp/commit_unconsumed tests/repro/commit_unconsumed.c -L build/lib -lrdkafka
 *   LD_LIBRARY_PATH=build/lib /tmp/commit_unconsumed                    # ferrokafka
 *   LD_LIBRARY_PATH=build/reference-librdkafka /tmp/commit_unconsumed   # librdkafka 2.16
 *
 * The cluster is the library's own mock cluster (in process). */
#include <stdio.h>
#include <time.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static rd_kafka_t *consumer(const char *bootstraps) {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", bootstraps, errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "group.id", "commit-unconsumed", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "auto.offset.reset", "earliest", errstr, sizeof errstr);
        return rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
}

int main(void) {
        char errstr[256];
        rd_kafka_conf_t *mconf = rd_kafka_conf_new();
        rd_kafka_t *mrk = rd_kafka_new(RD_KAFKA_PRODUCER, mconf, errstr, sizeof errstr);
        rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(mrk, 1);
        const char *bs = rd_kafka_mock_cluster_bootstraps(mc);
        rd_kafka_mock_topic_create(mc, "unconsumed", 1, 1);

        rd_kafka_conf_t *pconf = rd_kafka_conf_new();
        rd_kafka_conf_set(pconf, "bootstrap.servers", bs, errstr, sizeof errstr);
        rd_kafka_t *p = rd_kafka_new(RD_KAFKA_PRODUCER, pconf, errstr, sizeof errstr);
        for (int i = 0; i < 30; i++)
                rd_kafka_producev(p, RD_KAFKA_V_TOPIC("unconsumed"), RD_KAFKA_V_PARTITION(0),
                                  RD_KAFKA_V_VALUE("x", 1), RD_KAFKA_V_END);
        rd_kafka_flush(p, 10000);
        rd_kafka_destroy(p);

        rd_kafka_t *c = consumer(bs);
        rd_kafka_poll_set_consumer(c);
        rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(topics, "unconsumed", RD_KAFKA_PARTITION_UA);
        rd_kafka_subscribe(c, topics);
        rd_kafka_topic_partition_list_destroy(topics);
        int got = 0;
        time_t end = time(NULL) + 20;
        while (got < 5 && time(NULL) < end) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(c, 100);
                if (m) {
                        if (!m->err)
                                got++;
                        rd_kafka_message_destroy(m);
                }
        }
        printf("the application received %d messages; closing\n", got);
        rd_kafka_consumer_close(c);
        rd_kafka_destroy(c);

        c = consumer(bs);
        rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(parts, "unconsumed", 0);
        rd_kafka_resp_err_t err = rd_kafka_committed(c, parts, 10000);
        int64_t committed = parts->elems[0].offset;
        printf("committed: %s, offset %lld\n", rd_kafka_err2name(err), (long long)committed);
        rd_kafka_topic_partition_list_destroy(parts);
        rd_kafka_destroy(c);
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(mrk);
        int ok = got == 5 && committed == 5;
        printf("%s\n", ok ? "ok" : "FAIL: the committed offset is not the one after the last received message");
        return ok ? 0 : 1;
}
