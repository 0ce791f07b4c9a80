/* Commit results and the event API: a consumer that enables
 * RD_KAFKA_EVENT_OFFSET_COMMIT with rd_kafka_conf_set_events() but sets no
 * offset_commit_cb gets no OFFSET_COMMIT event for rd_kafka_commit() (async
 * or sync), as with librdkafka 2.16; rd_kafka_commit_queue() is how the
 * event API learns a result, and its event carries the committed offsets. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <librdkafka/rdkafka.h>
#include "testutil.h"
#include "ittest.h"

/* Serves the consumer queue for `ms`: rebalances are applied, messages
 * counted into *msgs; returns the number of OFFSET_COMMIT events seen. */
static int serve(rd_kafka_t *rk, rd_kafka_queue_t *q, int ms, int *msgs, int stop_at_msg) {
        int commits = 0;
        long long end = it_now_ms() + ms;
        while (it_now_ms() < end) {
                rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 100);
                const rd_kafka_message_t *m;
                if (!ev)
                        continue;
                switch (rd_kafka_event_type(ev)) {
                case RD_KAFKA_EVENT_REBALANCE:
                        if (rd_kafka_event_error(ev) == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS)
                                rd_kafka_assign(rk, rd_kafka_event_topic_partition_list(ev));
                        else
                                rd_kafka_assign(rk, NULL);
                        break;
                case RD_KAFKA_EVENT_OFFSET_COMMIT:
                        commits++;
                        break;
                case RD_KAFKA_EVENT_FETCH:
                        while ((m = rd_kafka_event_message_next(ev)))
                                if (!m->err)
                                        (*msgs)++;
                        break;
                }
                rd_kafka_event_destroy(ev);
                if (stop_at_msg && *msgs > 0)
                        break;
        }
        return commits;
}

int main(void) {
        char errstr[512], topic[64], group[64];
        rd_kafka_conf_t *conf;
        rd_kafka_t *p, *rk;
        rd_kafka_queue_t *q, *cq;
        rd_kafka_topic_partition_list_t *sub, *offs;
        rd_kafka_event_t *ev;
        int msgs = 0, n;

        snprintf(topic, sizeof(topic), "it-cev-%d", (int)getpid());
        snprintf(group, sizeof(group), "it-cev-g-%d", (int)getpid());
        CHECK_INT(it_create_topic(topic, 1), 0);

        conf = rd_kafka_conf_new();
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", it_bootstrap(), errstr, sizeof(errstr)), RD_KAFKA_CONF_OK);
        p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        CHECK(p != NULL, "%s", errstr);
        CHECK_INT(rd_kafka_producev(p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_VALUE("x", 1), RD_KAFKA_V_END),
                  RD_KAFKA_RESP_ERR_NO_ERROR);
        CHECK_INT(rd_kafka_flush(p, 20000), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_destroy(p);

        conf = rd_kafka_conf_new();
        CHECK_INT(rd_kafka_conf_set(conf, "bootstrap.servers", it_bootstrap(), errstr, sizeof(errstr)), RD_KAFKA_CONF_OK);
        CHECK_INT(rd_kafka_conf_set(conf, "group.id", group, errstr, sizeof(errstr)), RD_KAFKA_CONF_OK);
        CHECK_INT(rd_kafka_conf_set(conf, "auto.offset.reset", "earliest", errstr, sizeof(errstr)), RD_KAFKA_CONF_OK);
        CHECK_INT(rd_kafka_conf_set(conf, "enable.auto.commit", "false", errstr, sizeof(errstr)), RD_KAFKA_CONF_OK);
        rd_kafka_conf_set_events(conf, RD_KAFKA_EVENT_REBALANCE | RD_KAFKA_EVENT_OFFSET_COMMIT |
                                           RD_KAFKA_EVENT_ERROR | RD_KAFKA_EVENT_FETCH);
        rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof(errstr));
        CHECK(rk != NULL, "%s", errstr);
        rd_kafka_poll_set_consumer(rk);
        q = rd_kafka_queue_get_consumer(rk);
        sub = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(sub, topic, RD_KAFKA_PARTITION_UA);
        CHECK_INT(rd_kafka_subscribe(rk, sub), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_topic_partition_list_destroy(sub);
        serve(rk, q, 30000, &msgs, 1);
        CHECK_INT(msgs, 1);

        CHECK_INT(rd_kafka_commit(rk, NULL, 1), RD_KAFKA_RESP_ERR_NO_ERROR);
        n = serve(rk, q, 2000, &msgs, 0);
        CHECK_INT(n, 0);
        /* Nothing new since the last commit: _NO_OFFSET, still no event. */
        CHECK_INT(rd_kafka_commit(rk, NULL, 0), RD_KAFKA_RESP_ERR__NO_OFFSET);
        n = serve(rk, q, 2000, &msgs, 0);
        CHECK_INT(n, 0);
        offs = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(offs, topic, 0)->offset = 0;
        CHECK_INT(rd_kafka_commit(rk, offs, 0), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_topic_partition_list_destroy(offs);
        n = serve(rk, q, 2000, &msgs, 0);
        CHECK_INT(n, 0);

        /* commit_queue(): the result arrives on that queue, with offsets. */
        cq = rd_kafka_queue_new(rk);
        offs = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(offs, topic, 0)->offset = 1;
        CHECK_INT(rd_kafka_commit_queue(rk, offs, cq, NULL, NULL), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_topic_partition_list_destroy(offs);
        ev = rd_kafka_queue_poll(cq, 10000);
        CHECK(ev != NULL, "no event on the commit queue");
        if (ev) {
                const rd_kafka_topic_partition_list_t *res = rd_kafka_event_topic_partition_list(ev);
                CHECK_INT(rd_kafka_event_type(ev), RD_KAFKA_EVENT_OFFSET_COMMIT);
                CHECK_INT(rd_kafka_event_error(ev), RD_KAFKA_RESP_ERR_NO_ERROR);
                CHECK(res && res->cnt == 1, "commit result list");
                if (res && res->cnt == 1) {
                        CHECK_STR(res->elems[0].topic, topic);
                        CHECK_INT(res->elems[0].offset, 1);
                }
                rd_kafka_event_destroy(ev);
        }
        rd_kafka_queue_destroy(cq);
        n = serve(rk, q, 500, &msgs, 0);
        CHECK_INT(n, 0);

        rd_kafka_queue_destroy(q);
        CHECK_INT(rd_kafka_consumer_close(rk), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_destroy(rk);
        return 0;
}
